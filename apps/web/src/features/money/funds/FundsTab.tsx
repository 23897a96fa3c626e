import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { usePermission } from '../../auth';
import { type FundView, useFunds } from '../api';
import { useMoneyCode } from '../codes';
import { Money } from '../ui';
import { AllocationModal, ReceiptModal } from './FundModals';

const KINDS = ['cash', 'source', 'allocated_in', 'allocated_out', 'expense'] as const;

/** A node's funds: every fund it owns or holds an account in, with the balance of each account kind. */
export function FundsTab({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const errorText = useErrorText();
  const can = usePermission();
  const funds = useFunds(orgId);
  const [receiving, setReceiving] = useState<FundView | null>(null);
  const [allocating, setAllocating] = useState<FundView | null>(null);
  const canWrite = can('fund.write');
  const items = funds.data?.items ?? [];

  return (
    <>
      <Table<FundView>
        rowKey="id"
        size="middle"
        loading={funds.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="funds-table"
        locale={{ emptyText: funds.error ? errorText(funds.error) : t('money.funds.none') }}
        onRow={(f) => ({ 'data-testid': `fund-${f.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('money.funds.name'),
            key: 'name',
            width: 200,
            render: (_: unknown, f) => (
              <Space orientation="vertical" size={0}>
                <span>{f.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('money.funds.yearN', { year: f.year })} · {code('fundSource', f.source)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('money.funds.restriction'),
            dataIndex: 'restrictedProgramme',
            width: 140,
            render: (p: string | null) =>
              p ? <Tag color="red">{code('programme', p)}</Tag> : <Tag>{t('money.funds.unrestricted')}</Tag>,
          },
          {
            title: t('money.funds.owner'),
            key: 'owner',
            width: 110,
            render: (_: unknown, f) =>
              f.ownerOrgId === orgId ? t('money.funds.ownFund') : <Tag color="blue">{t('money.funds.fromUpper')}</Tag>,
          },
          ...KINDS.map((k) => ({
            title: code('account', k),
            key: k,
            width: 120,
            align: 'right' as const,
            render: (_: unknown, f: FundView) => <Money fen={f.balances[k] ?? 0} testId={`fund-${f.id}-${k}`} />,
          })),
          {
            title: t('money.actions'),
            key: 'actions',
            width: 190,
            render: (_: unknown, f) => (
              <Space size={4} wrap>
                {canWrite && f.ownerOrgId === orgId && (
                  <Button size="small" onClick={() => setReceiving(f)}>
                    {t('money.funds.receipt')}
                  </Button>
                )}
                {canWrite && (f.balances.cash ?? 0) > 0 && (
                  <Button size="small" onClick={() => setAllocating(f)}>
                    {t('money.funds.allocate')}
                  </Button>
                )}
                <Button
                  size="small"
                  type="link"
                  onClick={() => navigate(`/funds/ledger?orgId=${orgId}&fundId=${f.id}`)}
                >
                  {t('money.funds.ledger')}
                </Button>
              </Space>
            ),
          },
        ]}
        summary={(rows) =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('money.total')}
              </Table.Summary.Cell>
              {KINDS.map((k, i) => (
                <Table.Summary.Cell key={k} index={3 + i} align="right">
                  <Money fen={rows.reduce((s, f) => s + (f.balances[k] ?? 0), 0)} strong />
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={8} />
            </Table.Summary.Row>
          ) : null
        }
      />
      <ReceiptModal fund={receiving} onClose={() => setReceiving(null)} />
      <AllocationModal fund={allocating} fromOrgId={orgId} onClose={() => setAllocating(null)} />
    </>
  );
}
