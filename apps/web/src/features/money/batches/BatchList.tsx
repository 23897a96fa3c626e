import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { usePermission } from '../../auth';
import { useCurrentUser } from '../../auth/api';
import { type Batch, useBatches } from '../api';
import { useCodeOptions, useMoneyCode } from '../codes';
import { BatchStatusTag, Money, NodeBar } from '../ui';
import { CreateBatchModal } from './CreateBatchModal';

/** 发放批次: the batches of a node's subtree, newest first; a new batch. */
export function BatchList() {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const options = useCodeOptions();
  const errorText = useErrorText();
  const can = usePermission();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState(me.orgId);
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const batches = useBatches(orgId, status, page, pageSize);

  return (
    <>
      <PageHeader
        title={t('money.menu.batches')}
        subtitle={t('money.batches.subtitle')}
        extra={
          can('assistance.propose') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('money.batches.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar
          id="batches-org"
          orgId={orgId}
          onChange={(id) => {
            setOrgId(id);
            setPage(1);
          }}
        >
          <label htmlFor="batches-status">{t('money.batches.status')}</label>
          <Select
            id="batches-status"
            allowClear
            style={{ width: 160 }}
            placeholder={t('money.all')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={options('batchStatus')}
          />
        </NodeBar>
      </Card>
      <Card>
        <Table<Batch>
          rowKey="id"
          size="middle"
          loading={batches.isFetching}
          dataSource={batches.data?.items ?? []}
          scroll={{ x: 1100 }}
          data-testid="batches-table"
          locale={{ emptyText: batches.error ? errorText(batches.error) : t('money.batches.none') }}
          pagination={{
            current: page,
            pageSize,
            total: batches.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('money.totalN', { count: n }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={[
            {
              title: t('money.batches.batchNo'),
              dataIndex: 'batchNo',
              width: 170,
              render: (v: string, b) => <Link to={`/batches/${b.id}`}>{v}</Link>,
            },
            { title: t('money.batches.title'), dataIndex: 'title' },
            {
              title: t('money.programme'),
              dataIndex: 'programme',
              width: 110,
              render: (p: string) => code('programme', p),
            },
            { title: t('money.batches.period'), dataIndex: 'period', width: 90 },
            {
              title: t('money.batches.method'),
              dataIndex: 'method',
              width: 130,
              render: (m: string) => code('method', m),
            },
            { title: t('money.batches.households'), dataIndex: 'grantCount', width: 80, align: 'right' },
            {
              title: t('money.batches.total'),
              dataIndex: 'totalFen',
              width: 140,
              align: 'right',
              render: (v: number) => <Money fen={v} />,
            },
            {
              title: t('money.batches.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: string) => <BatchStatusTag status={s} />,
            },
            {
              title: t('money.batches.createdAt'),
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string, b) => <span title={b.createdBy ?? ''}>{dayjs(v).format('YYYY-MM-DD HH:mm')}</span>,
            },
          ]}
        />
      </Card>
      <CreateBatchModal orgId={orgId} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
