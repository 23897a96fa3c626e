import { Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import type { Application } from '../applications/api';
import { useLevelLabel } from '../batches/ApprovalHistory';
import { useMoneyCode } from '../codes';
import { Money, OrgName } from '../ui';

/** Individual applications and campaign entries waiting at the approver's node (decided on their own page). */
export function ApplicationQueue({
  items,
  loading,
  error,
}: {
  items: Application[];
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const level = useLevelLabel();
  const errorText = useErrorText();
  return (
    <Table<Application>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="application-queue"
      locale={{ emptyText: error ? errorText(error) : t('money.approvals.empty') }}
      columns={[
        {
          title: t('money.applications.household'),
          dataIndex: 'householdName',
          render: (v: string | undefined, a) => <Link to={`/applications/${a.id}`}>{v ?? `#${a.householdId}`}</Link>,
        },
        { title: t('money.applications.org'), dataIndex: 'orgId', render: (id: number) => <OrgName id={id} /> },
        {
          title: t('money.programme'),
          key: 'programme',
          render: (_: unknown, a) => `${code('programme', a.programme)} · ${a.period}`,
        },
        {
          title: t('money.applications.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (v: number) => <Money fen={v} />,
        },
        { title: t('money.batches.requiredLevel'), dataIndex: 'requiredLevel', render: (l: string | null) => level(l) },
        {
          title: t('money.approvals.proposedBy'),
          key: 'by',
          render: (_: unknown, a) => `${a.createdBy ?? '—'} · ${dayjs(a.createdAt).format('MM-DD HH:mm')}`,
        },
      ]}
    />
  );
}
