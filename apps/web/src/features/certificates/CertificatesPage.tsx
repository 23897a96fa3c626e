import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Switch, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { queryString } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { navigate, usePathname } from '../../lib/router';
import { usePermission } from '../auth';
import { useCurrentUser } from '../auth/api';
import { useFileStatus, useGoodsOptions } from '../goods/codes';
import { NodeBar, numberParam } from '../money/ui';
import { type CertificateFilters, useCertificates, useToRevoke } from './api';
import { IssueModal } from './CertificateModals';
import { CertificatePrint } from './CertificatePrint';
import { CertificateTable } from './CertificateTable';
import { VerifyTab } from './VerifyTab';

const TABS = ['list', 'to-revoke', 'verify'] as const;
type TabKey = (typeof TABS)[number];

/** 证件管理: /certificates (list), /certificates/to-revoke, /certificates/verify, /certificates/:id/print; ?orgId. */
export default function CertificatesPage() {
  const path = usePathname();
  const m = /^\/certificates\/(\d+)\/print\/?$/.exec(path);
  if (m) return <CertificatePrint key={m[1]} id={Number(m[1])} />;
  const tab = TABS.find((k) => path === `/certificates/${k}`) ?? 'list';
  return <CertificateTabs tab={tab} />;
}

function CertificateTabs({ tab }: { tab: TabKey }) {
  const { t } = useTranslation();
  const can = usePermission();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState(() => numberParam('orgId') ?? me.orgId);
  const [issuing, setIssuing] = useState(false);
  const canWrite = can('assistance.propose');
  const toRevoke = useToRevoke(orgId);
  const pending = toRevoke.data?.items.length ?? 0;

  return (
    <>
      <PageHeader
        title={t('goods.menu.certificates')}
        subtitle={t('goods.cert.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
              {t('goods.cert.issue')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="certificates-org" orgId={orgId} onChange={setOrgId} />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          destroyOnHidden
          activeKey={tab}
          onChange={(k) =>
            navigate(`${k === 'list' ? '/certificates' : `/certificates/${k}`}${queryString({ orgId })}`)
          }
          items={[
            {
              key: 'list',
              label: t('goods.cert.tabList'),
              children: <ListTab key={orgId} orgId={orgId} canWrite={canWrite} />,
            },
            {
              key: 'to-revoke',
              label: pending ? t('goods.cert.tabToRevokeN', { count: pending }) : t('goods.cert.tabToRevoke'),
              children: <ToRevokeTab key={orgId} orgId={orgId} canWrite={canWrite} />,
            },
            { key: 'verify', label: t('goods.cert.tabVerify'), children: <VerifyTab /> },
          ]}
        />
      </Card>
      <IssueModal
        orgId={orgId}
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={() => {
          setIssuing(false);
          if (tab !== 'list') navigate(`/certificates${queryString({ orgId })}`);
        }}
      />
    </>
  );
}

/** 证件列表: by kind, state, and the valid ones ending within 30 days. */
function ListTab({ orgId, canWrite }: { orgId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const options = useGoodsOptions();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<CertificateFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useCertificates(orgId, filters, page, pageSize);
  const set = (patch: CertificateFilters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  return (
    <>
      <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
        <label htmlFor="cert-kind">{t('goods.cert.kind')}</label>
        <Select
          id="cert-kind"
          allowClear
          style={{ width: 130 }}
          placeholder={t('common.all')}
          value={filters.kind}
          onChange={(kind) => set({ kind })}
          options={options('certKind')}
        />
        <label htmlFor="cert-state">{t('goods.cert.state')}</label>
        <Select
          id="cert-state"
          allowClear
          style={{ width: 170 }}
          placeholder={t('common.all')}
          value={filters.state}
          onChange={(state) => set({ state })}
          options={options('certState')}
        />
        <Space>
          <Switch
            id="cert-expiring"
            size="small"
            checked={filters.expiringWithinDays !== undefined}
            onChange={(on) => set({ expiringWithinDays: on ? 30 : undefined })}
          />
          <label htmlFor="cert-expiring">{t('goods.cert.expiring')}</label>
        </Space>
      </Space>
      <CertificateTable
        testId="certificates-table"
        items={list.data?.items ?? []}
        loading={list.isFetching}
        emptyText={list.error ? errorText(list.error) : t('goods.cert.none')}
        canWrite={canWrite}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
    </>
  );
}

/** 待撤销: active cards whose file has left the archive (脱困, 注销, 转出 …). */
function ToRevokeTab({ orgId, canWrite }: { orgId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fileStatus = useFileStatus();
  const q = useToRevoke(orgId);
  return (
    <>
      <p style={{ color: '#666' }}>{t('goods.cert.toRevokeHint')}</p>
      <CertificateTable
        testId="to-revoke-table"
        items={q.data?.items ?? []}
        loading={q.isFetching}
        emptyText={q.error ? errorText(q.error) : t('goods.cert.noneToRevoke')}
        canWrite={canWrite}
        revokeReason={(c) => t('goods.cert.leftArchive', { status: fileStatus(c.household.status) })}
      />
    </>
  );
}
