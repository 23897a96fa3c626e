import type { ImportBatch } from '@bangfu/contracts';
import { App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { type ImportRow, useDecideRow, useImportRows } from './api';

const ROW_COLORS: Record<string, string> = {
  valid: 'success',
  invalid: 'error',
  suspected: 'warning',
  accepted: 'processing',
  rejected: 'default',
  committed: 'success',
};

/** The per-row report: row number, column, problem in Chinese; suspected duplicates decided here. */
export function ImportReport({ batch }: { batch: ImportBatch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<string>(
    batch.invalid > 0 ? 'invalid' : batch.suspected > 0 ? 'suspected' : 'all',
  );
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const ready = batch.status !== 'validating';
  const rows = useImportRows(batch.id, filter === 'all' ? undefined : filter, page, size, ready);
  const decide = useDecideRow(batch.id);
  const act = (r: ImportRow, decision: 'accept' | 'reject') =>
    decide.mutate({ rowId: r.id, decision }, { onError: (e) => message.error(errorText(e)) });

  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(v) => {
          setFilter(String(v));
          setPage(1);
        }}
        options={[
          { value: 'invalid', label: t('import.filter.invalid', { count: batch.invalid }) },
          { value: 'suspected', label: t('import.filter.suspected', { count: batch.suspected }) },
          { value: 'all', label: t('import.filter.all', { count: batch.total }) },
        ]}
      />
      <Table<ImportRow>
        rowKey="id"
        size="small"
        data-testid="import-rows"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        locale={{ emptyText: rows.error ? errorText(rows.error) : t('import.noRows') }}
        pagination={{
          current: page,
          pageSize: size,
          total: rows.data?.total ?? 0,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setSize(s);
          },
        }}
        columns={[
          { title: t('import.col.row'), dataIndex: 'row', width: 80 },
          { title: t('archive.field.name'), dataIndex: 'name', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: t('import.col.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: string) => <Tag color={ROW_COLORS[s]}>{t(`import.rowStatus.${s}`)}</Tag>,
          },
          {
            title: t('import.col.column'),
            key: 'column',
            width: 170,
            render: (_: unknown, r) => r.problems.map((p) => <div key={p.column + p.problem}>{p.column}</div>),
          },
          {
            title: t('import.col.problem'),
            key: 'problem',
            render: (_: unknown, r) =>
              r.problems.length ? (
                r.problems.map((p) => (
                  <Typography.Text
                    key={p.column + p.problem}
                    type={r.status === 'invalid' ? 'danger' : 'warning'}
                    style={{ display: 'block' }}
                  >
                    {p.problem}
                  </Typography.Text>
                ))
              ) : r.householdId ? (
                <Link to={`/archive/${r.householdId}`}>{t('import.openFile')}</Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('common.actions'),
            key: 'decide',
            width: 170,
            render: (_: unknown, r) =>
              ['suspected', 'accepted', 'rejected'].includes(r.status) && batch.status === 'ready' ? (
                <Space size={0}>
                  <Button size="small" type="link" disabled={r.status === 'accepted'} onClick={() => act(r, 'accept')}>
                    {t('import.accept')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    disabled={r.status === 'rejected'}
                    onClick={() => act(r, 'reject')}
                  >
                    {t('import.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}
