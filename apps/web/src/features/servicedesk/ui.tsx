import { LockOutlined } from '@ant-design/icons';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColor, useDeskCode } from './codes';
import type { PersonView, WorkOrderSummary } from './types';

/** An instant as Beijing wall-clock time ('2026-12-01 09:30'), whatever the browser's zone. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export function StatusTag({ status }: { status: string }) {
  const code = useDeskCode();
  return (
    <Tag color={statusColor[status] ?? 'default'} data-testid="order-status">
      {code('status', status)}
    </Tag>
  );
}

export function CategoryTags({ categories }: { categories: string[] }) {
  const code = useDeskCode();
  return (
    <Space size={[0, 4]} wrap>
      {categories.map((c) => (
        <Tag key={c}>{code('category', c)}</Tag>
      ))}
    </Space>
  );
}

/** The deadline: red when overdue, orange when due today; closed orders say whether they closed on time. */
export function DueDate({
  o,
}: {
  o: Pick<WorkOrderSummary, 'dueOn' | 'overdue' | 'dueToday' | 'dueProvisional' | 'onTime' | 'status'>;
}) {
  const { t } = useTranslation();
  const date = (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {o.dueOn}
      {o.dueProvisional && (
        <Tooltip title={t('servicedesk.due.provisional')}>
          <Typography.Text type="secondary"> *</Typography.Text>
        </Tooltip>
      )}
    </span>
  );
  if (o.overdue)
    return (
      <Space size={4} data-testid="due" data-overdue="true">
        <Typography.Text type="danger" strong>
          {date}
        </Typography.Text>
        <Tag color="red">{t('servicedesk.due.overdue')}</Tag>
      </Space>
    );
  if (o.dueToday)
    return (
      <Space size={4} data-testid="due">
        <Typography.Text style={{ color: '#d46b08' }} strong>
          {date}
        </Typography.Text>
        <Tag color="orange">{t('servicedesk.due.today')}</Tag>
      </Space>
    );
  if (o.status === 'closed' && o.onTime !== null)
    return (
      <Space size={4} data-testid="due">
        <Typography.Text type="secondary">{date}</Typography.Text>
        <Tag color={o.onTime ? 'green' : 'red'}>
          {o.onTime ? t('servicedesk.due.onTime') : t('servicedesk.due.late')}
        </Tag>
      </Space>
    );
  return <span data-testid="due">{date}</span>;
}

/** The person's name, or 保密 with a lock for a confidential person the user may not see. */
export function PersonName({ person }: { person: PersonView }) {
  const { t } = useTranslation();
  if (person.hidden)
    return (
      <Tag icon={<LockOutlined />} color="default" data-testid="person-secret">
        {t('servicedesk.secret')}
      </Tag>
    );
  return (
    <Space size={4}>
      <span data-testid="person-name">{person.name ?? '—'}</span>
      {person.confidential && (
        <Tooltip title={t('servicedesk.order.hiddenHint')}>
          <LockOutlined style={{ color: '#b8141d' }} aria-label={t('servicedesk.secret')} />
        </Tooltip>
      )}
    </Space>
  );
}
