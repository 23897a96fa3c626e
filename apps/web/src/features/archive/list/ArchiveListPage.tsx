import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { HouseholdListItem } from '@bangfu/contracts';
import { App, Button, Card, Popconfirm, Space } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { download } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { usePermission } from '../../auth';
import { type HouseholdFilters, useHouseholds } from '../api';
import { HouseholdTable, SORT_KEYS } from '../components/HouseholdTable';
import { ArchiveFilterBar } from './ArchiveFilterBar';

type Sort = { key: 'pinyin' | 'fileNo' | 'updatedAt' | 'perCapita'; order: 'asc' | 'desc' };

/** Kept while the app runs, so coming back from a file shows the same search. */
const remembered: { filters: HouseholdFilters; sort: Sort; page: number; pageSize: number } = {
  filters: {},
  sort: { key: 'pinyin', order: 'asc' },
  page: 1,
  pageSize: 20,
};

/** 档案管理: search the files of the caller's subtree (pinyin order by default), export the filtered list. */
export default function ArchiveListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const can = usePermission();
  const [filters, setFilters] = useState<HouseholdFilters>(remembered.filters);
  const [sort, setSort] = useState<Sort>(remembered.sort);
  const [page, setPage] = useState(remembered.page);
  const [pageSize, setPageSize] = useState(remembered.pageSize);
  const [exporting, setExporting] = useState(false);
  Object.assign(remembered, { filters, sort, page, pageSize });
  const query = { ...filters, sort: sort.key, order: sort.order };
  const list = useHouseholds(query, page, pageSize);

  const exportXlsx = async (reveal: boolean) => {
    setExporting(true);
    try {
      await download('/households/export.xlsx', '困难职工档案.xlsx', { ...query, reveal: reveal ? 'true' : undefined });
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('menu.archive')}
        subtitle={t('archive.list.subtitle')}
        extra={
          can('archive.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/archive/new')}>
              {t('archive.action.create')}
            </Button>
          )
        }
      />
      <Card>
        <ArchiveFilterBar
          initial={filters}
          onApply={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx(false)}>
            {t('archive.action.export')}
          </Button>
          {can('personal.reveal') && (
            <Popconfirm title={t('archive.list.revealExportConfirm')} onConfirm={() => void exportXlsx(true)}>
              <Button icon={<DownloadOutlined />} loading={exporting}>
                {t('archive.action.exportFull')}
              </Button>
            </Popconfirm>
          )}
        </Space>
        <HouseholdTable
          data-testid="archive-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: list.error ? errorText(list.error) : undefined }}
          sort={sort}
          onChange={(_p, _f, sorter) => {
            const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<HouseholdListItem> | undefined;
            const key = s?.columnKey ? SORT_KEYS[s.columnKey as keyof typeof SORT_KEYS] : undefined;
            setSort(
              key && s?.order
                ? { key, order: s.order === 'descend' ? 'desc' : 'asc' }
                : { key: 'pinyin', order: 'asc' },
            );
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showQuickJumper: true,
            showTotal: (n) => t('common.total', { count: n }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
    </>
  );
}
