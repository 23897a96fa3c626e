import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { type WorkOrderQueue, workOrderQueues } from '@bangfu/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { queryString } from '../../lib/api';
import { navigate } from '../../lib/router';
import { usePermission } from '../auth';
import { useCurrentUser } from '../auth/api';
import { NodeBar, numberParam, searchParam } from '../money/ui';
import { AllOrdersTab } from './AllOrdersTab';
import { useQueue, useQueueCounts } from './api';
import { useDeskCode } from './codes';
import { OrderTable } from './OrderTable';

type Tab = WorkOrderQueue | 'all';
const TABS: readonly Tab[] = [...workOrderQueues.codes, 'all'];
/** Queues where a non-zero count is a warning. */
const ALARM: readonly string[] = ['overdue', 'due_today', 'awaiting_acceptance'];

/** 维权工作台 (/work-orders?tab&orgId): the morning queues with their counts, and every order of the subtree. */
export function DeskPage() {
  const { t } = useTranslation();
  const code = useDeskCode();
  const can = usePermission();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const [orgId, setOrgId] = useState(() => numberParam('orgId') ?? me.orgId);
  const [tab, setTab] = useState<Tab>(() => {
    const p = searchParam('tab');
    return TABS.includes(p as Tab) ? (p as Tab) : 'mine';
  });
  const counts = useQueueCounts(orgId);
  const go = (next: { tab?: Tab; orgId?: number }) => {
    const nt = next.tab ?? tab;
    const no = next.orgId ?? orgId;
    setTab(nt);
    setOrgId(no);
    navigate(`/work-orders${queryString({ tab: nt, orgId: no === me.orgId ? undefined : no })}`, { replace: true });
  };

  const label = (q: Tab) => {
    if (q === 'all') return t('servicedesk.desk.all');
    const n = counts.data?.counts[q];
    return (
      <Space size={6} data-testid={`tab-${q}`}>
        <span>{code('queue', q)}</span>
        <Badge
          count={n ?? 0}
          showZero
          overflowCount={999}
          color={n && ALARM.includes(q) ? '#cf1322' : n ? '#1677ff' : '#bfbfbf'}
          data-testid={`count-${q}`}
        />
      </Space>
    );
  };

  return (
    <>
      <PageHeader
        title={t('servicedesk.menu.desk')}
        subtitle={t('servicedesk.desk.subtitle')}
        extra={
          can('servicedesk.write') && (
            <Button type="primary" icon={<PhoneOutlined />} onClick={() => navigate('/work-orders/new')}>
              {t('servicedesk.desk.register')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size={[24, 8]} style={{ width: '100%', justifyContent: 'space-between' }}>
          <NodeBar id="desk-org" orgId={orgId} onChange={(id) => go({ orgId: id })} />
          <Space>
            {counts.data && (
              <Typography.Text type="secondary">
                {t('servicedesk.desk.today', { date: counts.data.today })}
              </Typography.Text>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => qc.invalidateQueries({ queryKey: ['servicedesk'] })}>
              {t('servicedesk.desk.refresh')}
            </Button>
          </Space>
        </Space>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          destroyOnHidden
          activeKey={tab}
          onChange={(k) => go({ tab: k as Tab })}
          items={TABS.map((q) => ({
            key: q,
            label: label(q),
            children: q === 'all' ? <AllOrdersTab orgId={orgId} /> : <QueueTab key={orgId} queue={q} orgId={orgId} />,
          }))}
        />
      </Card>
    </>
  );
}

function QueueTab({ queue, orgId }: { queue: WorkOrderQueue; orgId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useQueue(queue, orgId, page, pageSize);
  return (
    <OrderTable
      items={list.data?.items ?? []}
      total={list.data?.total ?? 0}
      page={page}
      pageSize={pageSize}
      loading={list.isFetching}
      empty={t('servicedesk.desk.empty')}
      onPage={(p, s) => {
        setPage(p);
        setPageSize(s);
      }}
    />
  );
}
