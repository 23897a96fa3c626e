import type { HouseholdListItem } from '@bangfu/contracts';
import { useQueries } from '@tanstack/react-query';
import { Badge, Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { api, isApiError, type Page } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { usePermission } from '../../auth';
import { useHouseholds, useQueue } from '../api';
import { type HouseholdColumn, HouseholdTable } from '../components/HouseholdTable';

/** A tab: a status of the filing workflow (GET /households?status=) or a work queue (GET /households/queues/:q). */
interface QueueTab {
  key: string;
  status?: 'submitted' | 'objection' | 'pending_approval';
  queue?: string;
  columns: HouseholdColumn[];
}

const BASE: HouseholdColumn[] = ['fileNo', 'name', 'id', 'org', 'status', 'cause', 'perCapita'];
export const QUEUE_TABS: QueueTab[] = [
  { key: 'submitted', status: 'submitted', columns: [...BASE, 'updatedAt'] },
  { key: 'objection', status: 'objection', columns: [...BASE, 'notice'] },
  { key: 'notice', queue: 'notice', columns: [...BASE, 'notice'] },
  { key: 'pending_approval', status: 'pending_approval', columns: [...BASE, 'notice', 'updatedAt'] },
  { key: 'due', queue: 'due', columns: [...BASE, 'grade', 'nextReview'] },
  { key: 'overdue', queue: 'overdue', columns: [...BASE, 'grade', 'nextReview'] },
  { key: 'stale', queue: 'stale', columns: [...BASE, 'grade', 'updatedAt'] },
  { key: 'never_assisted', queue: 'never_assisted', columns: [...BASE, 'grade'] },
  { key: 'exit_proposed', queue: 'exit_proposed', columns: [...BASE, 'grade'] },
];

const fetchTab = (tab: QueueTab, limit: number, offset: number) =>
  tab.status
    ? api.get<Page<HouseholdListItem>>('/households', { status: tab.status, sort: 'updatedAt', limit, offset })
    : api.get<Page<HouseholdListItem>>(`/households/queues/${tab.queue}`, { limit, offset });

function StatusList({ tab }: { tab: QueueTab & { status: NonNullable<QueueTab['status']> } }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const q = useHouseholds({ status: tab.status, sort: 'updatedAt', order: 'asc' }, page, size);
  return (
    <HouseholdTable
      columns={tab.columns}
      data-testid={`queue-${tab.key}`}
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: q.error ? errorText(q.error) : t('queue.empty') }}
      pagination={{
        current: page,
        pageSize: size,
        total: q.data?.total ?? 0,
        onChange: (p, s) => {
          setPage(p);
          setSize(s);
        },
      }}
    />
  );
}

function QueueList({ tab }: { tab: QueueTab & { queue: string } }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const q = useQueue(tab.queue, page, size);
  // A queue the server does not offer yet answers VALIDATION_FAILED (unknown queue name).
  const empty = q.error
    ? isApiError(q.error, 'VALIDATION_FAILED') || isApiError(q.error, 'NOT_FOUND')
      ? t('queue.unavailable')
      : errorText(q.error)
    : t('queue.empty');
  return (
    <HouseholdTable
      columns={tab.columns}
      data-testid={`queue-${tab.key}`}
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      locale={{ emptyText: empty }}
      pagination={{
        current: page,
        pageSize: size,
        total: q.data?.total ?? 0,
        onChange: (p, s) => {
          setPage(p);
          setSize(s);
        },
      }}
    />
  );
}

/** 审核待办: files waiting for a step (review, verification, approval) and the queues of dynamic management. */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const can = usePermission();
  const counts = useQueries({
    queries: QUEUE_TABS.map((tab) => ({
      queryKey: ['households', 'count', tab.key],
      queryFn: () => fetchTab(tab, 1, 0),
      staleTime: 10_000,
      retry: false,
    })),
  });
  const first = can('archive.approve') && !can('archive.review') ? 'pending_approval' : 'submitted';
  const [active, setActive] = useState(first);
  return (
    <>
      <PageHeader title={t('menu.queue')} subtitle={t('queue.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={setActive}
          destroyOnHidden
          items={QUEUE_TABS.map((tab, i) => ({
            key: tab.key,
            label: (
              <Space size={6}>
                {t(`queue.tab.${tab.key}`)}
                <Badge count={counts[i]?.data?.total ?? 0} overflowCount={999} showZero={false} color="#b8141d" />
              </Space>
            ),
            children: tab.status ? (
              <StatusList tab={tab as QueueTab & { status: NonNullable<QueueTab['status']> }} />
            ) : (
              <QueueList tab={tab as QueueTab & { queue: string }} />
            ),
          }))}
        />
      </Card>
    </>
  );
}
