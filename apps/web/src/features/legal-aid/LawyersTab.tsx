import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { useLang } from '../../i18n';
import { api } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { todayValue } from '../../lib/today';
import { usePermission } from '../auth';
import { useLawyers, useSaveLawyer } from './api';
import type { Lawyer } from './types';

/** 律师名册: the union's contracted lawyers (and those of the unions below it), their contracts, availability. */
export function LawyersTab({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = usePermission();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const list = useLawyers(orgId);
  const [editing, setEditing] = useState<Lawyer | 'new' | null>(null);
  const [phones, setPhones] = useState<Record<number, string>>({});
  const write = can('legalaid.write');
  const reveal = async (l: Lawyer) => {
    try {
      const r = await api.get<{ phone: string }>(`/legal-lawyers/${l.id}/phone`);
      setPhones((p) => ({ ...p, [l.id]: r.phone }));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      {write && (
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="lawyer-add">
            {t('legalAid.lawyers.add')}
          </Button>
        </Space>
      )}
      <Table<Lawyer>
        rowKey="id"
        size="middle"
        data-testid="lawyers"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: list.error ? errorText(list.error) : t('legalAid.lawyers.none') }}
        columns={[
          { title: t('legalAid.lawyers.name'), dataIndex: 'name', width: 90 },
          { title: t('legalAid.lawyers.firm'), dataIndex: 'firm' },
          { title: t('legalAid.lawyers.licenceNo'), dataIndex: 'licenceNo', width: 170 },
          {
            title: t('legalAid.lawyers.phone'),
            key: 'phone',
            width: 170,
            render: (_, l) => (
              <Space size={4}>
                <span>{phones[l.id] ?? l.phoneMasked}</span>
                {write && !phones[l.id] && (
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => reveal(l)}>
                    {t('legalAid.lawyers.revealPhone')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: t('legalAid.lawyers.contract'),
            key: 'contract',
            width: 230,
            render: (_, l) => (
              <div style={{ lineHeight: 1.4 }}>
                <div>{`${l.contractFrom} ~ ${l.contractTo}`}</div>
                {l.available ? (
                  <Tag color="green">{t('legalAid.lawyers.available')}</Tag>
                ) : (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {l.unavailable ? (lang === 'en' ? l.unavailable.whyEn : l.unavailable.why) : ''}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('legalAid.lawyers.org'), key: 'org', width: 130, ellipsis: true, render: (_, l) => l.org.name },
          ...(write
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, l: Lawyer) => (
                    <Button size="small" type="link" onClick={() => setEditing(l)}>
                      {t('legalAid.lawyers.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <LawyerModal orgId={orgId} lawyer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

interface Values {
  name: string;
  firm: string;
  licenceNo: string;
  phone?: string;
  contract: [Dayjs, Dayjs];
  active: boolean;
  note?: string;
}

function LawyerModal({ orgId, lawyer, onClose }: { orgId: number; lawyer: Lawyer | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveLawyer();
  const req = [{ required: true, message: t('legalAid.form.required') }];
  return (
    <FormModal
      title={t(lawyer ? 'legalAid.lawyers.editTitle' : 'legalAid.lawyers.addTitle')}
      form={form}
      width={600}
      pending={save.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        const fields = {
          name: v.name,
          firm: v.firm,
          licenceNo: v.licenceNo,
          contractFrom: v.contract[0].format('YYYY-MM-DD'),
          contractTo: v.contract[1].format('YYYY-MM-DD'),
          ...(v.note || lawyer ? { note: v.note ?? '' } : {}),
          ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        };
        await save.mutateAsync(
          lawyer
            ? { id: lawyer.id, body: { ...fields, active: v.active, version: lawyer.version } }
            : { body: { ...fields, orgId } },
        );
        return t('legalAid.lawyers.saved');
      }}
    >
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="name" label={t('legalAid.lawyers.name')} rules={req} initialValue={lawyer?.name}>
            <Input id="lawyer-name" maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="firm" label={t('legalAid.lawyers.firm')} rules={req} initialValue={lawyer?.firm}>
            <Input id="lawyer-firm" maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="licenceNo"
            label={t('legalAid.lawyers.licenceNo')}
            rules={req}
            initialValue={lawyer?.licenceNo}
          >
            <Input id="lawyer-licence" maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="phone"
            label={t('legalAid.lawyers.phone')}
            rules={lawyer ? [] : req}
            extra={lawyer ? lawyer.phoneMasked : undefined}
          >
            <Input id="lawyer-phone" maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="contract"
        label={t('legalAid.lawyers.contract')}
        rules={req}
        initialValue={
          lawyer ? [dayjs(lawyer.contractFrom), dayjs(lawyer.contractTo)] : [todayValue(), todayValue().add(1, 'year')]
        }
      >
        <DatePicker.RangePicker id="lawyer-contract" style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
      {lawyer && (
        <Form.Item
          name="active"
          label={t('legalAid.lawyers.active')}
          valuePropName="checked"
          initialValue={lawyer.active}
        >
          <Switch />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('legalAid.lawyers.note')} initialValue={lawyer?.note ?? undefined}>
        <Input maxLength={500} />
      </Form.Item>
      {lawyer && <Typography.Text type="secondary">{lawyer.org.name}</Typography.Text>}
    </FormModal>
  );
}
