import { PlusOutlined } from '@ant-design/icons';
import type { Org } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { api } from '../../../lib/api';
import { navigate, usePathname } from '../../../lib/router';
import { usePermission } from '../../auth';
import { useCurrentUser } from '../../auth/api';
import { NodeBar, numberParam } from '../ui';
import { BudgetsTab } from './BudgetsTab';
import { CreateFundModal } from './FundModals';
import { FundsTab } from './FundsTab';
import { LedgerTab } from './LedgerTab';

const TABS = ['funds', 'ledger', 'budgets'] as const;
type TabKey = (typeof TABS)[number];

/** 资金管理: /funds (funds and balances), /funds/ledger (entries, trial balance), /funds/budgets; ?orgId&fundId. */
export default function FundsPage() {
  const { t } = useTranslation();
  const can = usePermission();
  const me = useCurrentUser();
  const path = usePathname();
  const tab: TabKey = path === '/funds/ledger' ? 'ledger' : path === '/funds/budgets' ? 'budgets' : 'funds';
  const [orgId, setOrgId] = useState(() => numberParam('orgId') ?? me.orgId);
  const [creating, setCreating] = useState(false);
  const org = useQuery({ queryKey: ['orgs', 'one', orgId], queryFn: () => api.get<Org>(`/orgs/${orgId}`) });
  const fundId = numberParam('fundId');

  return (
    <>
      <PageHeader
        title={t('money.menu.funds')}
        subtitle={t('money.funds.subtitle')}
        extra={
          can('fund.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('money.funds.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="funds-org" orgId={orgId} onChange={setOrgId} />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate(k === 'funds' ? '/funds' : `/funds/${k}`)}
          items={[
            { key: 'funds', label: t('money.funds.tabFunds'), children: <FundsTab key={orgId} orgId={orgId} /> },
            {
              key: 'ledger',
              label: t('money.funds.tabLedger'),
              children: <LedgerTab key={`${orgId}-${fundId ?? 0}`} orgId={orgId} initialFundId={fundId} />,
            },
            { key: 'budgets', label: t('money.funds.tabBudgets'), children: <BudgetsTab key={orgId} orgId={orgId} /> },
          ]}
        />
      </Card>
      <CreateFundModal
        orgId={orgId}
        orgName={org.data?.name ?? ''}
        open={creating}
        onClose={() => setCreating(false)}
      />
    </>
  );
}
