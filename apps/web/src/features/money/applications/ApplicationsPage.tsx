import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { Link, navigate, usePathname } from '../../../lib/router';
import { usePermission } from '../../auth';
import { useCurrentUser } from '../../auth/api';
import { DecisionRecordPrint } from '../bodies/DecisionRecordPrint';
import { applicationStatusColor, useCodeOptions, useMoneyCode } from '../codes';
import { yuan } from '../money';
import { MoneyNoticePage } from '../notice/MoneyNoticePage';
import { Money, NodeBar, numberParam } from '../ui';
import { ApplicationDetail } from './ApplicationDetail';
import { ApplicationForm } from './ApplicationForm';
import { type Application, useApplication, useApplications } from './api';

function ApplicationList() {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const options = useCodeOptions();
  const errorText = useErrorText();
  const can = usePermission();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState(me.orgId);
  const [status, setStatus] = useState<string | undefined>();
  const [programme, setProgramme] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [campaignId, setCampaignId] = useState(() => numberParam('campaignId'));
  const list = useApplications({ orgId, status, programme, campaignId }, page, pageSize);
  const reset = () => setPage(1);
  return (
    <>
      <PageHeader
        title={t('money.menu.applications')}
        subtitle={t('money.applications.subtitle')}
        extra={
          can('assistance.propose') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/applications/new')}>
              {t('money.applications.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar
          id="applications-org"
          orgId={orgId}
          onChange={(id) => {
            setOrgId(id);
            reset();
          }}
        >
          <Select
            allowClear
            aria-label={t('money.programme')}
            placeholder={t('money.programme')}
            style={{ width: 180 }}
            value={programme}
            onChange={(v) => {
              setProgramme(v);
              reset();
            }}
            options={options('programme').filter((o) => o.value !== 'living')}
          />
          <Select
            allowClear
            aria-label={t('money.batches.status')}
            placeholder={t('money.batches.status')}
            style={{ width: 140 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              reset();
            }}
            options={options('applicationStatus')}
          />
          {campaignId && (
            <Tag closable onClose={() => setCampaignId(undefined)}>
              {t('money.applications.campaignN', { id: campaignId })}
            </Tag>
          )}
        </NodeBar>
      </Card>
      <Card>
        <Table<Application>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="applications-table"
          scroll={{ x: 1000 }}
          locale={{ emptyText: list.error ? errorText(list.error) : t('money.applications.none') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('money.totalN', { count: n }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={[
            {
              title: t('money.applications.household'),
              dataIndex: 'householdName',
              width: 120,
              render: (v: string | undefined, a) => (
                <Link to={`/applications/${a.id}`}>{v ?? `#${a.householdId}`}</Link>
              ),
            },
            { title: t('money.grants.idNumber'), dataIndex: 'idMasked', width: 190 },
            {
              title: t('money.programme'),
              dataIndex: 'programme',
              width: 150,
              render: (p: string) => code('programme', p),
            },
            { title: t('money.applications.period'), dataIndex: 'period', width: 120 },
            {
              title: t('money.applications.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              width: 130,
              render: (v: number) => <Money fen={v} />,
            },
            {
              title: t('money.batches.status'),
              dataIndex: 'status',
              width: 110,
              render: (s: string) => <Tag color={applicationStatusColor[s]}>{code('applicationStatus', s)}</Tag>,
            },
            {
              title: t('money.batches.createdAt'),
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string, a) => `${a.createdBy ?? ''} ${dayjs(v).format('YYYY-MM-DD HH:mm')}`,
            },
          ]}
        />
      </Card>
    </>
  );
}

/** The application's decision record, A4 (its 名单公示 is `/applications/:id/notice`). */
function ApplicationRecordPrint({ id }: { id: number }) {
  const code = useMoneyCode();
  const q = useApplication(id);
  const a = q.data;
  return (
    <DecisionRecordPrint
      type="application"
      id={id}
      back={`/applications/${id}`}
      title={a ? `${code('programme', a.programme)}申请` : ''}
      facts={
        a
          ? [
              ['申请人', a.householdName ?? `#${a.householdId}`],
              ['身份证号', a.idMasked ?? ''],
              ['期间', a.period],
              ['金额', yuan(a.amountFen)],
            ]
          : []
      }
      approvals={a?.approvals ?? []}
      loading={q.isPending}
      error={q.error}
    />
  );
}

/**
 * /applications (list), /applications/new (?campaignId), /applications/:id, /applications/:id/record (A4),
 * /applications/:id/notice (名单公示, A4).
 */
export default function ApplicationsPage() {
  const path = usePathname();
  if (path === '/applications/new') return <ApplicationForm />;
  const m = /^\/applications\/(\d+)(\/record|\/notice)?\/?$/.exec(path);
  if (m?.[2] === '/notice')
    return (
      <MoneyNoticePage key={`notice-${m[1]}`} type="application" id={Number(m[1])} back={`/applications/${m[1]}`} />
    );
  if (m?.[2]) return <ApplicationRecordPrint key={`record-${m[1]}`} id={Number(m[1])} />;
  if (m) return <ApplicationDetail key={m[1]} id={Number(m[1])} />;
  return <ApplicationList />;
}
