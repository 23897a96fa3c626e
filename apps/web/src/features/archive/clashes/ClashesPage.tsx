import type { Clash, ClashFile } from '@bangfu/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../../components/OrgSelect';
import { PageHeader } from '../../../components/PageHeader';
import { api, type Page } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { archiveKeys } from '../api';
import { StatusTag } from '../components/StatusTag';

/** One file holding the person: in scope, a link to it; outside, only the union that holds it. */
function FileLine({ f }: { f: ClashFile }) {
  const { t } = useTranslation();
  if (!f.inScope)
    return (
      <Typography.Text type="secondary" data-testid="clash-outside">
        {t('clashes.outside', { org: f.org })}
      </Typography.Text>
    );
  return (
    <Space size={6} wrap data-testid="clash-file">
      <Link to={`/archive/${f.householdId}`}>{f.fileNo}</Link>
      <span>{t('clashes.household', { name: f.householdName })}</span>
      <Typography.Text type="secondary">{f.org}</Typography.Text>
      <StatusTag status={f.status} />
      <Tag color={f.as === 'worker' ? 'blue' : 'default'}>{t(`clashes.as.${f.as}`)}</Tag>
    </Space>
  );
}

/**
 * 一人多档 (重复建档): persons held by more than one active file, one of them in the caller's subtree
 * (GET /households/clashes). Each clash is settled by correcting or closing one of the files.
 */
export default function ClashesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [orgId, setOrgId] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const q = useQuery({
    queryKey: archiveKeys.queue('clashes', orgId ?? null, page, size),
    queryFn: () => api.get<Page<Clash>>('/households/clashes', { orgId, limit: size, offset: (page - 1) * size }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t('clashes.title')} subtitle={t('clashes.subtitle')} />
      <Card>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('clashes.hint')} />
          <Space wrap>
            <Typography.Text>{t('clashes.org')}</Typography.Text>
            <OrgSelect
              value={orgId}
              allowClear
              placeholder={t('clashes.allOrgs')}
              style={{ width: 280 }}
              onChange={(id) => {
                setOrgId(id);
                setPage(1);
              }}
              data-testid="clashes-org"
            />
          </Space>
          <Table<Clash>
            size="middle"
            data-testid="clashes-table"
            rowKey={(c) => `${c.idMasked ?? ''}|${c.files.map((f) => (f.inScope ? f.householdId : f.org)).join(',')}`}
            loading={q.isFetching}
            dataSource={q.data?.items ?? []}
            locale={{ emptyText: q.error ? errorText(q.error) : t('clashes.empty') }}
            pagination={{
              current: page,
              pageSize: size,
              total: q.data?.total ?? 0,
              showTotal: (n) => t('common.total', { count: n }),
              onChange: (p, s) => {
                setPage(p);
                setSize(s);
              },
            }}
            columns={[
              { title: t('clashes.name'), dataIndex: 'name', width: 120 },
              {
                title: t('clashes.id'),
                dataIndex: 'idMasked',
                width: 200,
                render: (v: string | null) => <Typography.Text code>{v ?? t('common.none')}</Typography.Text>,
              },
              { title: t('clashes.count'), key: 'count', width: 90, align: 'center', render: (_, c) => c.files.length },
              {
                title: t('clashes.files'),
                key: 'files',
                render: (_, c) => (
                  <Space direction="vertical" size={4}>
                    {c.files.map((f) => (
                      <FileLine key={f.inScope ? `in${f.householdId}` : `out${f.org}`} f={f} />
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
    </>
  );
}
