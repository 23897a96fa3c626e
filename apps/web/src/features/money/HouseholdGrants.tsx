import { Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { Link } from '../../lib/router';
import { type Grant, useHouseholdGrants } from './api';
import { ExplanationView } from './batches/GrantsTable';
import { useMoneyCode } from './codes';
import { GrantStatusTag, Money } from './ui';

/**
 * 帮扶记录 of one household (GET /households/:id/grants): every grant paid or in progress, newest first, with
 * its explanation and the total paid. For the household file's "assistance" tab.
 */
export function HouseholdGrants({ householdId }: { householdId: number }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const errorText = useErrorText();
  const q = useHouseholdGrants(householdId);
  return (
    <div data-testid="household-grants">
      <Typography.Paragraph>
        {t('money.household.paidTotal')}：<Money fen={q.data?.paidFen ?? 0} strong testId="household-paid-total" />
      </Typography.Paragraph>
      <Table<Grant>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: q.error ? errorText(q.error) : t('money.household.none') }}
        expandable={{ expandedRowRender: (g) => <ExplanationView e={g.explanation} /> }}
        columns={[
          { title: t('money.programme'), dataIndex: 'programme', render: (p: string) => code('programme', p) },
          { title: t('money.batches.period'), dataIndex: 'period', width: 100 },
          {
            title: t('money.grants.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number) => <Money fen={v} />,
          },
          { title: t('money.batches.method'), dataIndex: 'method', render: (m: string) => code('method', m) },
          {
            title: t('money.grants.status'),
            key: 'status',
            render: (_: unknown, g) => (
              <>
                <GrantStatusTag status={g.status} />
                {g.failureReason && <Tag color="red">{g.failureReason}</Tag>}
              </>
            ),
          },
          {
            title: t('money.grants.paidAt'),
            dataIndex: 'paidAt',
            render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '—'),
          },
          {
            title: t('money.household.batch'),
            dataIndex: 'batchId',
            render: (id: number | null) =>
              id ? <Link to={`/batches/${id}`}>{t('money.ledger.batchN', { id })}</Link> : '—',
          },
        ]}
      />
    </div>
  );
}
