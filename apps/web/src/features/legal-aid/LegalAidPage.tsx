import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { queryString } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { Link, navigate, usePathname } from '../../lib/router';
import { today } from '../../lib/today';
import { usePermission } from '../auth';
import { useCurrentUser } from '../auth/api';
import { Money, NodeBar, numberParam } from '../money/ui';
import { ApplicationForm } from './ApplicationForm';
import { type ListFilters, useApplications } from './api';
import { CasePage } from './CasePage';
import { statusColor, useLegalCode, useLegalOptions } from './codes';
import { LawyersTab } from './LawyersTab';
import type { LegalAidSummary } from './types';

const TABS = ['list', 'overdue', 'lawyers'] as const;
type TabKey = (typeof TABS)[number];

/** 法律援助: /legal-aid (applications), /legal-aid/overdue, /legal-aid/lawyers, /legal-aid/new, /legal-aid/:id; ?orgId. */
export default function LegalAidPage() {
  const path = usePathname();
  if (/^\/legal-aid\/new\/?$/.test(path)) return <ApplicationForm />;
  const m = /^\/legal-aid\/(\d+)\/?$/.exec(path);
  if (m) return <CasePage key={m[1]} id={Number(m[1])} />;
  const tab = TABS.find((k) => path === `/legal-aid/${k}`) ?? 'list';
  return <LegalAidTabs tab={tab} />;
}

function LegalAidTabs({ tab }: { tab: TabKey }) {
  const { t } = useTranslation();
  const can = usePermission();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState(() => numberParam('orgId') ?? me.orgId);
  const overdue = useApplications(orgId, { view: 'overdue' }, 1, 1);
  const nOverdue = overdue.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('legalAid.menu')}
        subtitle={t('legalAid.subtitle')}
        extra={
          can('legalaid.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/legal-aid/new')}>
              {t('legalAid.register')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="legal-aid-org" orgId={orgId} onChange={setOrgId} />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          destroyOnHidden
          activeKey={tab}
          onChange={(k) => navigate(`${k === 'list' ? '/legal-aid' : `/legal-aid/${k}`}${queryString({ orgId })}`)}
          items={[
            { key: 'list', label: t('legalAid.tabs.list'), children: <ApplicationsTab key={orgId} orgId={orgId} /> },
            {
              key: 'overdue',
              label: nOverdue ? (
                <span style={{ color: '#cf1322' }}>{t('legalAid.overdueN', { count: nOverdue })}</span>
              ) : (
                t('legalAid.tabs.overdue')
              ),
              children: <ApplicationsTab key={orgId} orgId={orgId} overdue />,
            },
            { key: 'lawyers', label: t('legalAid.tabs.lawyers'), children: <LawyersTab key={orgId} orgId={orgId} /> },
          ]}
        />
      </Card>
    </>
  );
}

/** Days from today (Beijing) to a date: negative once it has passed. */
const daysTo = (date: string) => Math.round((Date.parse(date) - Date.parse(today())) / 86_400_000);

function ApplicationsTab({ orgId, overdue }: { orgId: number; overdue?: boolean }) {
  const { t } = useTranslation();
  const code = useLegalCode();
  const options = useLegalOptions();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<ListFilters>({});
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const list = useApplications(orgId, overdue ? { view: 'overdue' } : filters, page, size);
  const set = (patch: ListFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  return (
    <>
      {overdue ? (
        <Typography.Paragraph type="secondary">{t('legalAid.overdueHint')}</Typography.Paragraph>
      ) : (
        <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
          <label htmlFor="la-status">{t('legalAid.filter.status')}</label>
          <Select
            id="la-status"
            allowClear
            style={{ width: 140 }}
            placeholder={t('common.all')}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={options('status')}
          />
          <label htmlFor="la-kind">{t('legalAid.filter.caseKind')}</label>
          <Select
            id="la-kind"
            allowClear
            style={{ width: 170 }}
            placeholder={t('common.all')}
            value={filters.caseKind}
            onChange={(caseKind) => set({ caseKind })}
            options={options('caseKind')}
          />
          <Input.Search
            id="la-q"
            allowClear
            style={{ width: 260 }}
            placeholder={t('legalAid.filter.qPlaceholder')}
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
        </Space>
      )}
      <Table<LegalAidSummary>
        rowKey="id"
        size="middle"
        data-testid={overdue ? 'legal-aid-overdue' : 'legal-aid-list'}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: list.error ? errorText(list.error) : t(overdue ? 'legalAid.noneOverdue' : 'legalAid.none'),
        }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/legal-aid/${r.id}`) })}
        pagination={{
          current: page,
          pageSize: size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setSize(s);
          },
        }}
        columns={[
          {
            title: t('legalAid.col.appNo'),
            key: 'appNo',
            width: 180,
            render: (_, r) => (
              <div style={{ lineHeight: 1.3 }}>
                <Link to={`/legal-aid/${r.id}`}>{r.appNo}</Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.org.name}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('legalAid.col.person'),
            key: 'person',
            width: 160,
            render: (_, r) => (
              <div style={{ lineHeight: 1.3 }}>
                <div>{r.person.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.person.employer ?? r.person.phoneMasked ?? ''}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('legalAid.col.dispute'),
            key: 'dispute',
            width: 120,
            render: (_, r) => code('dispute', r.disputeKind),
          },
          {
            title: `${t('legalAid.col.receivedOn')} / ${t('legalAid.col.dueOn')}`,
            key: 'dates',
            width: 170,
            render: (_, r) => (
              <div style={{ lineHeight: 1.4 }}>
                <div>{r.receivedOn}</div>
                <Space size={4}>
                  <Typography.Text type={r.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {r.dueOn}
                  </Typography.Text>
                  {r.overdue ? (
                    <Tag color="red">{t('legalAid.overdue')}</Tag>
                  ) : (
                    r.status === 'pending' && <Tag>{t('legalAid.daysLeft', { count: daysTo(r.dueOn) })}</Tag>
                  )}
                </Space>
              </div>
            ),
          },
          {
            title: t('legalAid.col.status'),
            key: 'status',
            width: 110,
            render: (_, r) => <Tag color={statusColor[r.status] ?? 'default'}>{code('status', r.status)}</Tag>,
          },
          {
            title: `${t('legalAid.col.caseKind')} / ${t('legalAid.col.handler')}`,
            key: 'aid',
            render: (_, r) =>
              r.caseKind ? (
                <div style={{ lineHeight: 1.3 }}>
                  <div>{code('caseKind', r.caseKind)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.handler ?? ''}
                  </Typography.Text>
                </div>
              ) : (
                '—'
              ),
          },
          {
            title: t('legalAid.col.recovered'),
            key: 'recovered',
            width: 120,
            align: 'right',
            render: (_, r) => (r.status === 'closed' ? <Money fen={r.recoveredFen} /> : '—'),
          },
        ]}
      />
    </>
  );
}
