import { Button, Select, Space, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { type StockItem, type SubtreeTotal, useStock } from './api';
import { useGoodsCode, useGoodsOptions } from './codes';
import { HandoutModal } from './HandoutModal';
import { TransferModal, WriteOffModal } from './StockMoveModals';

type Acting = { kind: 'handout' | 'transfer' | 'writeOff'; stock: StockItem } | null;

/** 库存: the node's own stock per item (with hand-out, transfer and write-off), and its subtree's totals. */
export function StockTab({
  orgId,
  canWrite,
  onMovements,
}: {
  orgId: number;
  canWrite: boolean;
  /** Open the movements of one item. */
  onMovements: (item: string) => void;
}) {
  const { t } = useTranslation();
  const code = useGoodsCode();
  const options = useGoodsOptions();
  const errorText = useErrorText();
  const [category, setCategory] = useState<string | undefined>();
  const [includeEmpty, setIncludeEmpty] = useState(false);
  const [acting, setActing] = useState<Acting>(null);
  const stock = useStock(orgId, category, includeEmpty);
  const close = () => setActing(null);
  const qty = (v: number, unit: string) => (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      <strong>{v}</strong> {unit}
    </span>
  );

  return (
    <>
      <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
        <label htmlFor="stock-category">{t('goods.category')}</label>
        <Select
          id="stock-category"
          allowClear
          style={{ width: 160 }}
          placeholder={t('common.all')}
          value={category}
          onChange={setCategory}
          options={options('category')}
        />
        <Space>
          <Switch id="stock-empty" size="small" checked={includeEmpty} onChange={setIncludeEmpty} />
          <label htmlFor="stock-empty">{t('goods.stock.includeEmpty')}</label>
        </Space>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('goods.stock.own', { org: stock.data?.orgName ?? '' })}
      </Typography.Title>
      <Table<StockItem>
        rowKey="stockId"
        size="middle"
        loading={stock.isFetching}
        dataSource={stock.data?.items ?? []}
        pagination={false}
        data-testid="stock-table"
        onRow={(s) => ({ 'data-testid': `stock-${s.itemName}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: stock.error ? errorText(stock.error) : t('goods.stock.none') }}
        columns={[
          { title: t('goods.category'), dataIndex: 'category', width: 120, render: (c: string) => code('category', c) },
          { title: t('goods.item'), dataIndex: 'itemName' },
          {
            title: t('goods.stock.quantity'),
            dataIndex: 'quantity',
            align: 'right',
            width: 120,
            render: (v: number, s) => <span data-testid="stock-quantity">{qty(v, s.unit)}</span>,
          },
          {
            title: t('goods.stock.updatedAt'),
            dataIndex: 'updatedAt',
            width: 150,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 300,
            render: (_: unknown, s) => (
              <Space size={0} wrap>
                {canWrite && s.quantity > 0 && (
                  <>
                    <Button type="link" size="small" onClick={() => setActing({ kind: 'handout', stock: s })}>
                      {t('goods.handout.action')}
                    </Button>
                    <Button type="link" size="small" onClick={() => setActing({ kind: 'transfer', stock: s })}>
                      {t('goods.transfer.action')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => setActing({ kind: 'writeOff', stock: s })}>
                      {t('goods.writeOff.action')}
                    </Button>
                  </>
                )}
                <Button type="link" size="small" onClick={() => onMovements(s.itemName)}>
                  {t('goods.stock.movements')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('goods.stock.subtree')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('goods.stock.subtreeHint')}
      </Typography.Paragraph>
      <Table<SubtreeTotal>
        rowKey={(r) => `${r.category}|${r.itemName}|${r.unit}`}
        size="small"
        loading={stock.isFetching}
        dataSource={stock.data?.subtreeTotals ?? []}
        pagination={false}
        data-testid="stock-subtree"
        locale={{ emptyText: t('goods.stock.none') }}
        columns={[
          { title: t('goods.category'), dataIndex: 'category', width: 120, render: (c: string) => code('category', c) },
          { title: t('goods.item'), dataIndex: 'itemName' },
          {
            title: t('goods.stock.quantity'),
            dataIndex: 'quantity',
            align: 'right',
            width: 120,
            render: (v: number, r) => qty(v, r.unit),
          },
          { title: t('goods.stock.nodes'), dataIndex: 'nodes', align: 'right', width: 120 },
        ]}
      />
      <HandoutModal stock={acting?.kind === 'handout' ? acting.stock : null} onClose={close} />
      <TransferModal stock={acting?.kind === 'transfer' ? acting.stock : null} onClose={close} />
      <WriteOffModal stock={acting?.kind === 'writeOff' ? acting.stock : null} onClose={close} />
    </>
  );
}
