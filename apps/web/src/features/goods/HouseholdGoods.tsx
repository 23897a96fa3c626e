import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { type Movement, useHouseholdGoods } from './api';
import { useSignerRelation } from './codes';

/** 帮扶记录 — 物资: the goods a household received, newest first, with the totals per item. */
export function HouseholdGoods({ householdId }: { householdId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const relation = useSignerRelation();
  const q = useHouseholdGoods(householdId);
  const totals = q.data?.totals ?? [];
  return (
    <div data-testid="household-goods">
      {totals.length > 0 && (
        <Typography.Paragraph data-testid="household-goods-totals">
          {t('goods.householdTab.totals')}：{totals.map((x) => `${x.itemName} ${x.quantity} ${x.unit}`).join('；')}
        </Typography.Paragraph>
      )}
      <Table<Movement>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: q.error ? errorText(q.error) : t('goods.householdTab.none') }}
        columns={[
          { title: t('goods.handout.handedOn'), dataIndex: 'movedOn', width: 110 },
          { title: t('goods.item'), dataIndex: 'itemName' },
          {
            title: t('goods.quantity'),
            dataIndex: 'quantity',
            align: 'right',
            width: 100,
            render: (v: number, m) => `${v} ${m.unit}`,
          },
          {
            title: t('goods.handout.signedName'),
            key: 'signed',
            render: (_: unknown, m) => `${m.signedName ?? ''}（${relation(m.signerRelation)}）`,
          },
          { title: t('goods.handout.cadre'), dataIndex: 'cadre', render: (v: string | null) => v ?? '—' },
          { title: t('goods.householdTab.from'), dataIndex: 'orgName' },
          { title: t('goods.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]}
      />
    </div>
  );
}
