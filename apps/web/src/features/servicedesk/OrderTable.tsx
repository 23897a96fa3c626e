import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import { useDeskCode } from './codes';
import type { WorkOrderSummary } from './types';
import { beijingTime, CategoryTags, DueDate, PersonName, StatusTag } from './ui';

/** Work orders in a table: number, received, person (or 保密), categories, node, owner, status, deadline. */
export function OrderTable({
  items,
  total,
  page,
  pageSize,
  loading,
  onPage,
  empty,
}: {
  items: WorkOrderSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  empty?: string;
}) {
  const { t } = useTranslation();
  const code = useDeskCode();
  const columns: ColumnsType<WorkOrderSummary> = [
    {
      title: t('servicedesk.field.orderNo'),
      dataIndex: 'orderNo',
      width: 170,
      render: (no: string, o) => (
        <Space size={4} wrap>
          <Link to={`/work-orders/${o.id}`} data-testid="order-link">
            {no}
          </Link>
          {o.urgency === 'urgent' && <Tag color="red">{code('urgency', 'urgent')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('servicedesk.field.receivedAt'),
      dataIndex: 'receivedAt',
      width: 130,
      render: (at: string, o) => (
        <Space orientation="vertical" size={0}>
          <span style={{ whiteSpace: 'nowrap' }}>{beijingTime(at)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {code('channel', o.channel)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('servicedesk.field.person'),
      key: 'person',
      width: 120,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <PersonName person={o.person} />
          {o.collective && (
            <Tag color="volcano">
              {t('servicedesk.field.collective')} {o.headCount}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('servicedesk.field.categories'),
      dataIndex: 'categories',
      render: (c: string[], o) => (
        <Space orientation="vertical" size={2}>
          <CategoryTags categories={c} />
          <Tooltip title={o.excerpt}>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 260 }}>
              {o.excerpt}
            </Typography.Text>
          </Tooltip>
        </Space>
      ),
    },
    {
      title: t('servicedesk.field.node'),
      key: 'node',
      width: 150,
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <span>{o.org.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.owner?.name ?? '—'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('servicedesk.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: string) => <StatusTag status={s} />,
    },
    {
      title: t('servicedesk.field.dueOn'),
      dataIndex: 'dueOn',
      width: 150,
      render: (_, o) => <DueDate o={o} />,
    },
  ];
  return (
    <Table<WorkOrderSummary>
      rowKey="id"
      size="middle"
      data-testid="order-table"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={empty ? { emptyText: empty } : undefined}
      onRow={(o) =>
        ({
          'data-order-no': o.orderNo,
          style: o.overdue ? { background: '#fff1f0' } : undefined,
        }) as React.HTMLAttributes<HTMLTableRowElement>
      }
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: onPage,
      }}
    />
  );
}
