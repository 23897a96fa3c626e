import { ArrowRightOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useErrorText } from '../../lib/errors';
import { navigate } from '../../lib/router';
import { GradeTag } from '../archive/components/StatusTag';
import { type ChangeListItem, useChangeQueue } from './api';
import { ChangeDialog } from './ChangeDialog';
import { ChangeStatusTag, KindTags } from './ChangeTags';

const TABS = [
  { key: 'pending', status: 'pending' },
  { key: 'pending_upper', status: 'pending_upper' },
  { key: 'on_notice', status: 'on_notice' },
  { key: 'closed', status: 'approved,rejected,withdrawn' },
] as const;

/** The columns shared by the queue and a file's 变更记录 (the file's own columns left out there). */
export function useChangeColumns(opts: { withFile: boolean; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const cols = [
    ...(opts.withFile
      ? [
          {
            title: t('changes.col.name'),
            dataIndex: 'name',
            width: 170,
            render: (v: string, r: ChangeListItem) => (
              <>
                {v}
                <br />
                <Typography.Link
                  style={{ fontSize: 12, whiteSpace: 'nowrap' }}
                  onClick={() => navigate(`/archive/${r.householdId}`)}
                >
                  {r.fileNo}
                </Typography.Link>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.orgName}
                </Typography.Text>
              </>
            ),
          },
        ]
      : []),
    {
      title: t('changes.col.kinds'),
      dataIndex: 'kinds',
      width: 140,
      render: (k: string[]) => <KindTags kinds={k} />,
    },
    {
      title: t('changes.col.reason'),
      dataIndex: 'reason',
      // Up to three lines (the row is that tall anyway), the whole reason on hover.
      render: (v: string) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, tooltip: v }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('changes.col.grade'),
      key: 'grade',
      width: 170,
      render: (_: unknown, r: ChangeListItem) => (
        <Space size={2} wrap>
          <GradeTag grade={r.gradeBefore} />
          {r.needsUpper && (
            <>
              <ArrowRightOutlined />
              <GradeTag grade={r.gradeProposedAfter} />
            </>
          )}
        </Space>
      ),
    },
    {
      title: t('changes.col.proposedBy'),
      key: 'by',
      width: 150,
      render: (_: unknown, r: ChangeListItem) => (
        <>
          {r.proposedByName ?? '—'}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`changes.via.${r.via}`)}
            <br />
            {dayjs(r.proposedAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('changes.col.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: string, r: ChangeListItem) => (
        <Space size={[4, 4]} wrap>
          <ChangeStatusTag status={s} />
          {['pending', 'pending_upper', 'on_notice'].includes(s) && r.baseVersion !== r.currentVersion && (
            <Tooltip title={t('changes.queue.staleHint', { base: r.baseVersion, current: r.currentVersion })}>
              <Tag icon={<WarningOutlined />} color="warning">
                {t('changes.queue.stale')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, r: ChangeListItem) => (
        <Button size="small" onClick={() => opts.onOpen(r.id)} data-testid={`change-open-${r.id}`}>
          {t('changes.action.view')}
        </Button>
      ),
    },
  ];
  return cols;
}

/** 变更申请: pending review (the file's union), pending an upper union's decision, on notice, closed. */
export default function ChangeQueuePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('pending');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<number | null>(null);
  const status = TABS.find((x) => x.key === tab)?.status ?? 'pending';
  const q = useChangeQueue(status, page, pageSize);
  const columns = useChangeColumns({ withFile: true, onOpen: setOpen });
  return (
    <>
      <PageHeader title={t('changes.menu')} subtitle={t('changes.queue.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as typeof tab);
            setPage(1);
          }}
          items={TABS.map((x) => ({ key: x.key, label: t(`changes.queue.${x.key}`) }))}
        />
        {q.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(q.error)} />}
        <Table<ChangeListItem>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          columns={columns}
          data-testid="change-queue"
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total ?? 0,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      {open !== null && <ChangeDialog changeId={open} onClose={() => setOpen(null)} />}
    </>
  );
}
