import { DatePicker, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrderFilters, useOrders } from './api';
import { useDeskOptions } from './codes';
import { OrderTable } from './OrderTable';

/** Every order of the subtree, newest first, by status, channel, category, number and date received. */
export function AllOrdersTab({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const options = useDeskOptions();
  const [f, setF] = useState<OrderFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useOrders(orgId, f, page, pageSize);
  const set = (patch: OrderFilters) => {
    setF((old) => ({ ...old, ...patch }));
    setPage(1);
  };
  const range = (v: [Dayjs | null, Dayjs | null] | null) =>
    set({ receivedFrom: v?.[0]?.format('YYYY-MM-DD'), receivedTo: v?.[1]?.format('YYYY-MM-DD') });
  return (
    <>
      <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('servicedesk.desk.search')}
          placeholder={t('servicedesk.desk.searchPlaceholder')}
          style={{ width: 220 }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          aria-label={t('servicedesk.field.status')}
          placeholder={t('servicedesk.field.status')}
          style={{ width: 140 }}
          options={options('status')}
          onChange={(v?: string) => set({ status: v })}
        />
        <Select
          allowClear
          aria-label={t('servicedesk.field.channel')}
          placeholder={t('servicedesk.field.channel')}
          style={{ width: 140 }}
          options={options('channel')}
          onChange={(v?: string) => set({ channel: v })}
        />
        <Select
          allowClear
          aria-label={t('servicedesk.field.categories')}
          placeholder={t('servicedesk.field.categories')}
          style={{ width: 160 }}
          options={options('category')}
          onChange={(v?: string) => set({ category: v })}
        />
        <DatePicker.RangePicker aria-label={t('servicedesk.desk.receivedRange')} onChange={range} />
      </Space>
      <OrderTable
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={list.isFetching}
        onPage={(p, s) => {
          setPage(p);
          setPageSize(s);
        }}
      />
    </>
  );
}
