import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { HouseholdListItem, Org } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../../components/OrgSelect';
import { api, type Page } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { useCurrentUser } from '../../auth/api';
import { useCode } from '../codes';
import './notice-print.css';
import { todayValue } from '../../../lib/today';

interface Contact {
  person?: string;
  phone?: string;
  place?: string;
}

const STORE = 'bangfu.noticeContact.';
const loadContact = (orgId: number): Contact => {
  try {
    return JSON.parse(localStorage.getItem(STORE + orgId) ?? '{}') as Contact;
  } catch {
    return {};
  }
};
const day = (v: string | null) => (v ? dayjs(v).format('YYYY年M月D日') : '');

/** 公示名单: the households on notice at a node and below, on one A4 sheet, with where to raise objections. */
export default function NoticePrintPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const code = useCode();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState<number>(me.orgId);
  const [contact, setContact] = useState<Contact>(() => loadContact(me.orgId));
  useEffect(() => setContact(loadContact(orgId)), [orgId]);
  const save = (c: Contact) => {
    setContact(c);
    try {
      localStorage.setItem(STORE + orgId, JSON.stringify(c));
    } catch {
      // storage unavailable: the values last for this page
    }
  };

  const org = useQuery({ queryKey: ['orgs', 'one', orgId], queryFn: () => api.get<Org>(`/orgs/${orgId}`) });
  const list = useQuery({
    queryKey: ['households', 'notice-print', orgId],
    queryFn: () =>
      api.get<Page<HouseholdListItem>>('/households', { status: 'on_notice', orgId, sort: 'fileNo', limit: 200 }),
  });
  const items = list.data?.items ?? [];
  const union = org.data?.name ?? me.orgName;

  return (
    <>
      <Card className="no-print" style={{ marginBottom: 16 }}>
        <Space wrap align="start" style={{ width: '100%' }}>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/notices')}>
            {t('notice.back')}
          </Button>
          <Form layout="inline" style={{ rowGap: 8 }} name="noticeContact">
            <Form.Item label={t('notice.node')} htmlFor="notice-org">
              <OrgSelect id="notice-org" value={orgId} onChange={(id) => id && setOrgId(id)} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('notice.contactPerson')}>
              <Input
                aria-label={t('notice.contactPerson')}
                value={contact.person}
                onChange={(e) => save({ ...contact, person: e.target.value })}
                style={{ width: 110 }}
              />
            </Form.Item>
            <Form.Item label={t('notice.contactPhone')}>
              <Input
                aria-label={t('notice.contactPhone')}
                value={contact.phone}
                onChange={(e) => save({ ...contact, phone: e.target.value })}
                style={{ width: 140 }}
              />
            </Form.Item>
            <Form.Item label={t('notice.contactPlace')}>
              <Input
                aria-label={t('notice.contactPlace')}
                value={contact.place}
                onChange={(e) => save({ ...contact, place: e.target.value })}
                style={{ width: 220 }}
              />
            </Form.Item>
          </Form>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
            {t('notice.printNow')}
          </Button>
        </Space>
        {list.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(list.error)} />}
        {(list.data?.total ?? 0) > items.length && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('notice.truncated', { shown: items.length })}
          />
        )}
      </Card>
      {list.isPending ? (
        <Spin style={{ display: 'block', margin: 80 }} />
      ) : (
        <div className="notice-sheet" data-testid="notice-sheet">
          <h1>{t('notice.sheetTitle')}</h1>
          <div className="notice-sub">{union}</div>
          <p>{t('notice.sheetIntro', { union, count: items.length })}</p>
          <table>
            <thead>
              <tr>
                <th style={{ width: '6%' }}>{t('notice.col.seq')}</th>
                <th style={{ width: '16%' }}>{t('archive.field.fileNo')}</th>
                <th style={{ width: '9%' }}>{t('archive.field.name')}</th>
                <th style={{ width: '20%' }}>{t('archive.field.idNumber')}</th>
                <th style={{ width: '11%' }}>{t('archive.field.grade')}</th>
                <th style={{ width: '12%' }}>{t('notice.col.cause')}</th>
                <th>{t('archive.field.noticePeriod')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((h, i) => {
                // Before approval the list shows the grade the policy proposes.
                const grade = h.grade ?? h.gradeProposed;
                return (
                  <tr key={h.id} data-testid="notice-row">
                    <td>{i + 1}</td>
                    <td>{h.fileNo}</td>
                    <td>{h.name}</td>
                    <td>{h.idMasked}</td>
                    <td>{grade ? code('grade', grade) : t('notice.gradePending')}</td>
                    <td>{code('cause', h.mainCause)}</td>
                    <td>
                      {day(h.noticeStart)}—{day(h.noticeEnd)}
                    </td>
                  </tr>
                );
              })}
              {items.length === 0 && (
                <tr>
                  <td colSpan={7}>{t('notice.none')}</td>
                </tr>
              )}
            </tbody>
          </table>
          <div className="notice-contact" data-testid="notice-contact">
            <div>{t('notice.objectionTitle')}</div>
            <div>
              {t('notice.contactPerson')}：{contact.person || '　　　　　　'}　{t('notice.contactPhone')}：
              {contact.phone || '　　　　　　　　'}
            </div>
            <div>
              {t('notice.contactPlace')}：{contact.place || '　　　　　　　　　　　　　　　　'}
            </div>
          </div>
          <div className="notice-sign">
            <div>{t('notice.sealed', { union })}</div>
            <div>{todayValue().format('YYYY年M月D日')}</div>
          </div>
        </div>
      )}
    </>
  );
}
