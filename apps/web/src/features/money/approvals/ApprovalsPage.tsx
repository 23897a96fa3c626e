import { Button, Card, Space, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import type { Batch } from '../api';
import { type Application, useMyQueue } from '../applications/api';
import { DecisionModal, type DecisionTarget, useLevelLabel } from '../batches/ApprovalHistory';
import { useMoneyCode } from '../codes';
import { Money, OrgName } from '../ui';
import { ApplicationQueue } from './ApplicationQueue';

/** 审批待办: batches and applications waiting for a decision at the approver's node, not proposed by them. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const level = useLevelLabel();
  const errorText = useErrorText();
  const queue = useMyQueue();
  const [deciding, setDeciding] = useState<DecisionTarget>(null);
  const batches = queue.data?.batches ?? [];
  const applications: Application[] = queue.data?.applications ?? [];
  const batchTable = (
    <Table<Batch>
      rowKey="id"
      size="middle"
      loading={queue.isFetching}
      dataSource={batches}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="approval-queue"
      locale={{ emptyText: queue.error ? errorText(queue.error) : t('money.approvals.empty') }}
      onRow={(b) => ({ 'data-testid': `queue-${b.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('money.batches.batchNo'),
          dataIndex: 'batchNo',
          width: 170,
          render: (v: string, b) => <Link to={`/batches/${b.id}`}>{v}</Link>,
        },
        { title: t('money.batches.title'), dataIndex: 'title' },
        {
          title: t('money.batches.org'),
          key: 'org',
          width: 150,
          render: (_: unknown, b) => <OrgName id={b.orgId} />,
        },
        {
          title: t('money.programme'),
          key: 'programme',
          width: 150,
          render: (_: unknown, b) => `${code('programme', b.programme)} · ${b.period}`,
        },
        { title: t('money.batches.households'), dataIndex: 'grantCount', width: 80, align: 'right' },
        {
          title: t('money.batches.total'),
          dataIndex: 'totalFen',
          width: 140,
          align: 'right',
          render: (v: number) => <Money fen={v} />,
        },
        {
          title: t('money.batches.requiredLevel'),
          dataIndex: 'requiredLevel',
          width: 150,
          render: (l: string | null) => level(l),
        },
        {
          title: t('money.approvals.proposedBy'),
          key: 'by',
          width: 150,
          render: (_: unknown, b) => `${b.createdBy ?? '—'} · ${dayjs(b.updatedAt).format('MM-DD HH:mm')}`,
        },
        {
          title: t('money.actions'),
          key: 'actions',
          fixed: 'right',
          width: 170,
          render: (_: unknown, b) => (
            <Space size={4}>
              <Button size="small" type="primary" onClick={() => setDeciding({ batch: b, decision: 'approve' })}>
                {t('money.approvals.approve')}
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ batch: b, decision: 'reject' })}>
                {t('money.approvals.reject')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
  return (
    <>
      <PageHeader title={t('money.menu.approvals')} subtitle={t('money.approvals.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'batches', label: t('money.approvals.tabBatches', { count: batches.length }), children: batchTable },
            {
              key: 'applications',
              label: t('money.approvals.tabApplications', { count: applications.length }),
              children: <ApplicationQueue items={applications} loading={queue.isFetching} error={queue.error} />,
            },
          ]}
        />
      </Card>
      <DecisionModal target={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
