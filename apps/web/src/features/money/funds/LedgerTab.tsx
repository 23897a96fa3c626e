import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { type LedgerEntry, type LedgerLine, useFunds, useLedger, useTrialBalance } from '../api';
import { useMoneyCode } from '../codes';
import { yuan } from '../money';
import { Money } from '../ui';

const KIND_COLOR: Record<string, string> = { receipt: 'green', allocation: 'blue', payment: 'red', reversal: 'orange' };

function TrialBalanceTag({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const tb = useTrialBalance(orgId);
  if (!tb.data) return null;
  const d = tb.data;
  return (
    <Space wrap data-testid="trial-balance">
      {d.balanced ? (
        <Tag icon={<CheckCircleOutlined />} color="success">
          {t('money.ledger.balanced')}
        </Tag>
      ) : (
        <Tag icon={<WarningOutlined />} color="error">
          {t('money.ledger.unbalanced')}
        </Tag>
      )}
      <Typography.Text type="secondary">
        {t('money.ledger.debits')} {yuan(d.debitsFen)} · {t('money.ledger.credits')} {yuan(d.creditsFen)}
      </Typography.Text>
      {!d.balanced && (
        <Typography.Text type="danger">
          {t('money.ledger.offDetail', {
            entries: d.unbalancedEntries.join('、') || '—',
            nodes: d.nodesOutOfBalance.length,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

function Lines({ lines }: { lines: LedgerLine[] }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  return (
    <Table<LedgerLine>
      rowKey={(l, i) => `${l.account}-${l.grantId ?? ''}-${i}`}
      size="small"
      pagination={false}
      dataSource={lines}
      scroll={{ y: 320 }}
      columns={[
        { title: t('money.ledger.lineOrg'), dataIndex: 'org', width: 180 },
        { title: t('money.ledger.lineFund'), dataIndex: 'fund', width: 180 },
        {
          title: t('money.ledger.account'),
          key: 'account',
          render: (_: unknown, l) =>
            `${code('account', l.account)}${l.programme ? ` · ${code('programme', l.programme)}` : ''}`,
        },
        {
          title: t('money.ledger.debit'),
          dataIndex: 'debitFen',
          align: 'right',
          width: 140,
          render: (v: number) => (v ? <Money fen={v} /> : ''),
        },
        {
          title: t('money.ledger.credit'),
          dataIndex: 'creditFen',
          align: 'right',
          width: 140,
          render: (v: number) => (v ? <Money fen={v} /> : ''),
        },
        {
          title: t('money.ledger.grant'),
          dataIndex: 'grantId',
          width: 110,
          render: (v: number | null) => (v ? `#${v}` : ''),
        },
      ]}
    />
  );
}

/** 账簿: the ledger entries of a node's subtree with their lines, the trial balance, a fund's balances. */
export function LedgerTab({ orgId, initialFundId }: { orgId: number; initialFundId?: number }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const errorText = useErrorText();
  const [fundId, setFundId] = useState<number | undefined>(initialFundId);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const funds = useFunds(orgId);
  const ledger = useLedger(orgId, fundId, page, pageSize);
  const shown = (funds.data?.items ?? []).filter((f) => !fundId || f.id === fundId);
  const sum = (k: string) => shown.reduce((s, f) => s + (f.balances[k] ?? 0), 0);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} size={[16, 8]}>
        <label htmlFor="ledger-fund">{t('money.ledger.fund')}</label>
        <Select
          id="ledger-fund"
          allowClear
          style={{ width: 280 }}
          placeholder={t('money.ledger.allFunds')}
          value={fundId}
          onChange={(v) => {
            setFundId(v);
            setPage(1);
          }}
          options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}（${f.year}）` }))}
        />
        <TrialBalanceTag orgId={orgId} />
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('money.ledger.balancesCaption')}
      </Typography.Text>
      <Row gutter={16} style={{ margin: '4px 0 16px' }} data-testid="ledger-balances">
        {(['cash', 'source', 'allocated_in', 'allocated_out', 'expense'] as const).map((k) => (
          <Col key={k} xs={12} md={8} xl={4}>
            <Statistic title={code('account', k)} value={yuan(sum(k))} data-testid={`ledger-${k}`} />
          </Col>
        ))}
      </Row>
      {fundId && !shown.length && funds.data && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('money.ledger.fundNotHere')} />
      )}
      <Table<LedgerEntry>
        rowKey="id"
        size="middle"
        loading={ledger.isFetching}
        dataSource={ledger.data?.items ?? []}
        data-testid="ledger-table"
        locale={{ emptyText: ledger.error ? errorText(ledger.error) : t('money.ledger.none') }}
        expandable={{ expandedRowRender: (e) => <Lines lines={e.lines} /> }}
        onRow={(e) => ({ 'data-testid': `entry-${e.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: ledger.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('money.totalN', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: t('money.ledger.postedAt'),
            dataIndex: 'postedAt',
            width: 160,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          { title: t('money.ledger.entryNo'), dataIndex: 'id', width: 90, render: (v: number) => `#${v}` },
          {
            title: t('money.ledger.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: string) => <Tag color={KIND_COLOR[k]}>{t(`money.ledger.kinds.${k}`, { defaultValue: k })}</Tag>,
          },
          { title: t('money.ledger.memo'), dataIndex: 'memo' },
          {
            title: t('money.ledger.ref'),
            key: 'ref',
            width: 120,
            render: (_: unknown, e) =>
              e.refType === 'batch' && e.refId ? (
                <Link to={`/batches/${e.refId}`}>{t('money.ledger.batchN', { id: e.refId })}</Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('money.ledger.amount'),
            dataIndex: 'totalFen',
            align: 'right',
            width: 150,
            render: (v: number, e) => <Money fen={v} testId={`entry-${e.id}-total`} />,
          },
          {
            title: t('money.ledger.postedBy'),
            dataIndex: 'postedBy',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );
}
