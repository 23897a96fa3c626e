import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, queryString } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { Link, navigate } from '../../lib/router';
import { yuan } from '../money/money';
import { searchParam } from '../money/ui';
import { type Movement, type MovementFilters, useMovements } from './api';
import { OUTGOING, useGoodsCode, useGoodsOptions, useSignerRelation } from './codes';
import { isoDate, MovementKindTag } from './ui';

/** What a movement says beyond its quantity: the donor, the household and who signed, the other node, the reason. */
function Details({ m }: { m: Movement }) {
  const { t } = useTranslation();
  const code = useGoodsCode();
  const relation = useSignerRelation();
  const parts: React.ReactNode[] = [];
  if (m.donor)
    parts.push(
      t('goods.movements.donor', { name: m.donor.name, kind: code('donorKind', m.donor.kind) }),
      m.valueFen !== null && t('goods.movements.value', { value: yuan(m.valueFen) }),
      m.storagePlace && t('goods.movements.storage', { place: m.storagePlace }),
    );
  if (m.household)
    parts.push(
      <span key="h">
        {t('goods.movements.household')}
        <Link to={`/archive/${m.household.id}`}>{m.household.name}</Link>（{m.household.idMasked}）
      </span>,
      t('goods.movements.signed', { name: m.signedName, relation: relation(m.signerRelation) }),
      m.cadre && t('goods.movements.cadre', { name: m.cadre }),
    );
  if (m.counterpart)
    parts.push(
      t(m.kind === 'transfer_out' ? 'goods.movements.to' : 'goods.movements.from', { org: m.counterpart.name }),
    );
  if (m.reason) parts.push(t('goods.movements.reason', { reason: m.reason }));
  if (m.note) parts.push(t('goods.movements.note', { note: m.note }));
  const shown = parts.filter(Boolean);
  return (
    <Space size={[12, 0]} wrap>
      {shown.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed sequence of fragments
        <span key={i}>{p}</span>
      ))}
    </Space>
  );
}

/** 出入库记录: the movements of the node's subtree with filters; the 签领表 print view and its .xlsx. */
export function MovementsTab({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const options = useGoodsOptions();
  const errorText = useErrorText();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [kind, setKind] = useState<string | undefined>();
  const [item, setItem] = useState(() => searchParam('item') ?? '');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const filters: MovementFilters = {
    from: isoDate(range?.[0]),
    to: isoDate(range?.[1]),
    kind,
    item: item.trim() || undefined,
  };
  const movements = useMovements(orgId, filters, page, pageSize);
  const sheetQuery = { orgId, from: filters.from, to: filters.to, item: filters.item };

  return (
    <>
      <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
        <label htmlFor="movements-dates">{t('goods.movements.dates')}</label>
        <DatePicker.RangePicker
          id={{ start: 'movements-dates' }}
          value={range}
          allowEmpty={[true, true]}
          onChange={(v) => {
            setRange(v);
            setPage(1);
          }}
        />
        <label htmlFor="movements-kind">{t('goods.movements.kind')}</label>
        <Select
          id="movements-kind"
          allowClear
          style={{ width: 140 }}
          placeholder={t('common.all')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={options('movementKind')}
        />
        <label htmlFor="movements-item">{t('goods.item')}</label>
        <Input.Search
          id="movements-item"
          allowClear
          style={{ width: 180 }}
          defaultValue={item}
          placeholder={t('goods.movements.itemPlaceholder')}
          onSearch={(v) => {
            setItem(v);
            setPage(1);
          }}
        />
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/goods/sheet${queryString(sheetQuery)}`)}>
          {t('goods.sheet.open')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download('/goods/handout-sheet.xlsx', '物资发放签领表.xlsx', sheetQuery).catch((e: unknown) =>
              message.error(errorText(e)),
            )
          }
        >
          {t('goods.sheet.download')}
        </Button>
      </Space>
      <Table<Movement>
        rowKey="id"
        size="middle"
        loading={movements.isFetching}
        dataSource={movements.data?.items ?? []}
        scroll={{ x: 1100 }}
        data-testid="movements-table"
        locale={{ emptyText: movements.error ? errorText(movements.error) : t('goods.movements.none') }}
        pagination={{
          current: page,
          pageSize,
          total: movements.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('goods.movedOn'), dataIndex: 'movedOn', width: 110 },
          {
            title: t('goods.movements.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: string) => <MovementKindTag kind={k} />,
          },
          { title: t('goods.item'), dataIndex: 'itemName', width: 120 },
          {
            title: t('goods.quantity'),
            dataIndex: 'quantity',
            align: 'right',
            width: 100,
            render: (v: number, m) => (
              <Typography.Text type={OUTGOING.includes(m.kind) ? 'danger' : 'success'}>
                {OUTGOING.includes(m.kind) ? '−' : '+'}
                {v} {m.unit}
              </Typography.Text>
            ),
          },
          {
            title: t('goods.movements.balance'),
            dataIndex: 'balanceAfter',
            align: 'right',
            width: 90,
            render: (v: number, m) => `${v} ${m.unit}`,
          },
          { title: t('goods.movements.org'), dataIndex: 'orgName', width: 150 },
          { title: t('goods.movements.details'), key: 'details', render: (_: unknown, m) => <Details m={m} /> },
          {
            title: t('goods.handler'),
            dataIndex: 'handler',
            width: 110,
            render: (v: string | null, m) => (
              <span title={`${m.recordedBy ?? ''} ${dayjs(m.recordedAt).format('YYYY-MM-DD HH:mm')}`}>{v ?? '—'}</span>
            ),
          },
        ]}
      />
    </>
  );
}
