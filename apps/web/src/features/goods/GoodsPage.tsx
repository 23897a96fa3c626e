import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { queryString } from '../../lib/api';
import { navigate, usePathname } from '../../lib/router';
import { usePermission } from '../auth';
import { useCurrentUser } from '../auth/api';
import { NodeBar, numberParam } from '../money/ui';
import { useStock } from './api';
import { HandoutSheetPrint } from './HandoutSheetPrint';
import { MovementsTab } from './MovementsTab';
import { ReceiptModal } from './ReceiptModal';
import { StockTab } from './StockTab';

/** 物资管理: /goods (stock), /goods/movements (出入库记录), /goods/sheet (物资发放签领表, A4); ?orgId. */
export default function GoodsPage() {
  const path = usePathname();
  if (path === '/goods/sheet') return <HandoutSheetPrint />;
  return <GoodsTabs tab={path === '/goods/movements' ? 'movements' : 'stock'} />;
}

function GoodsTabs({ tab }: { tab: 'stock' | 'movements' }) {
  const { t } = useTranslation();
  const can = usePermission();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState(() => numberParam('orgId') ?? me.orgId);
  const [receiving, setReceiving] = useState(false);
  const canWrite = can('assistance.propose');
  const known = useStock(orgId, undefined, true);
  const go = (to: 'stock' | 'movements', query: Record<string, string | number> = {}) =>
    navigate(`${to === 'stock' ? '/goods' : '/goods/movements'}${queryString({ orgId, ...query })}`);

  return (
    <>
      <PageHeader
        title={t('goods.menu.goods')}
        subtitle={t('goods.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReceiving(true)}>
              {t('goods.receipt.action')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="goods-org" orgId={orgId} onChange={setOrgId} />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          destroyOnHidden
          activeKey={tab}
          onChange={(k) => go(k as 'stock' | 'movements')}
          items={[
            {
              key: 'stock',
              label: t('goods.tabStock'),
              children: (
                <StockTab
                  key={orgId}
                  orgId={orgId}
                  canWrite={canWrite}
                  onMovements={(item) => go('movements', { item })}
                />
              ),
            },
            { key: 'movements', label: t('goods.tabMovements'), children: <MovementsTab key={orgId} orgId={orgId} /> },
          ]}
        />
      </Card>
      <ReceiptModal
        orgId={orgId}
        orgName={known.data?.orgName ?? ''}
        items={known.data?.items ?? []}
        open={receiving}
        onClose={() => setReceiving(false)}
      />
    </>
  );
}
