import { PlusOutlined } from '@ant-design/icons';
import type { Org } from '@bangfu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/OrgSelect';
import { PageHeader } from '../../components/PageHeader';
import { useLabel } from '../../i18n';
import { api } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { today } from '../../lib/today';
import { yuan } from '../archive/money';
import { usePermission } from '../auth';
import { useCurrentUser } from '../auth/api';
import { type Policy, usePolicyAt } from './api';
import { EXCLUSIONS, PolicyFormModal } from './PolicyFormModal';
import { SettingsCard } from './SettingsCard';

function PolicyFacts({ p }: { p: Policy }) {
  const { t } = useTranslation();
  const bp = (p.relativeMultipleBp / 10_000).toFixed(2);
  return (
    <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }} data-testid="policy-facts">
      <Descriptions.Item label={t('policy.field.version')}>
        {p.policyId} · {t('policy.versionN', { v: p.version })}
      </Descriptions.Item>
      <Descriptions.Item label={t('policy.field.effectiveFrom')}>{p.effectiveFrom}</Descriptions.Item>
      <Descriptions.Item label={t('policy.field.vocabulary')}>
        {t(`policy.vocabulary.${p.vocabulary}`)}
      </Descriptions.Item>
      {p.vocabulary === 'current' ? (
        <>
          <Descriptions.Item label={t('policy.field.dibaoLine')}>
            <span data-testid="policy-dibao">{yuan(p.dibaoLineFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('policy.field.relativeMultiple')}>
            {bp} × （{yuan(Math.round((p.dibaoLineFen * p.relativeMultipleBp) / 10_000))}）
          </Descriptions.Item>
          <Descriptions.Item label={t('policy.field.accidentThreshold')}>
            {yuan(p.accidentThresholdFen)}
          </Descriptions.Item>
        </>
      ) : (
        <>
          <Descriptions.Item label={t('policy.field.tekun')}>{yuan(p.legacyLines?.tekunFen)}</Descriptions.Item>
          <Descriptions.Item label={t('policy.field.kunnan')}>{yuan(p.legacyLines?.kunnanFen)}</Descriptions.Item>
        </>
      )}
      <Descriptions.Item label={t('policy.field.incomeBoundary')}>
        {t(`policy.boundary.${p.incomeBoundary}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('policy.field.housingArea')}>
        {p.housingAreaPerCapitaM2 === null ? '—' : `${p.housingAreaPerCapitaM2} ㎡`}
      </Descriptions.Item>
      <Descriptions.Item label={t('policy.field.exclusions')} span="filled">
        {EXCLUSIONS.map((k) => (
          <Tag key={k} color={p.exclusions[k] ? 'red' : 'default'}>
            {t(`policy.exclusion.${k}`)}
            {p.exclusions[k] ? '' : t('policy.off')}
          </Tag>
        ))}
      </Descriptions.Item>
      {p.source && (
        <Descriptions.Item label={t('policy.field.source')} span="filled">
          {p.source}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 认定政策: the eligibility policy in force at a node (its own or inherited), its versions, a new version. */
export default function PolicyPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const errorText = useErrorText();
  const can = usePermission();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState<number>(me.orgId);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [editing, setEditing] = useState(false);
  const view = usePolicyAt(orgId, date?.format('YYYY-MM-DD'));
  const org = useQuery({ queryKey: ['orgs', 'one', orgId], queryFn: () => api.get<Org>(`/orgs/${orgId}`) });
  const r = view.data?.resolved;
  const from = useQuery({
    queryKey: ['orgs', 'one', r?.ok ? r.nodeId : 0],
    queryFn: () => api.get<Org>(`/orgs/${r?.ok ? r.nodeId : 0}`),
    enabled: !!r?.ok && r.inherited,
    retry: false,
  });
  const canWrite = can('policy.write');
  return (
    <>
      <PageHeader
        title={t('menu.policy')}
        subtitle={t('policy.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(true)} data-testid="policy-new">
              {t('policy.newVersion')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <label htmlFor="policy-org">{t('policy.node')}</label>
          <OrgSelect id="policy-org" value={orgId} onChange={(id) => id && setOrgId(id)} style={{ width: 260 }} />
          <label htmlFor="policy-date">{t('policy.date')}</label>
          <DatePicker id="policy-date" value={date} onChange={setDate} placeholder={t('policy.today')} />
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card
            title={t('policy.inForce', { date: view.data?.date ?? today() })}
            style={{ marginBottom: 16 }}
            loading={view.isPending}
            extra={
              r?.ok &&
              (r.inherited ? (
                <Tag color="blue">{t('policy.inherited', { org: from.data?.name ?? `#${r.nodeId}` })}</Tag>
              ) : (
                <Tag color="red">{t('policy.own')}</Tag>
              ))
            }
          >
            {view.error && <Alert type="error" showIcon title={errorText(view.error)} />}
            {r && !r.ok && <Alert type="warning" showIcon title={label(r)} data-testid="policy-none" />}
            {r?.ok && <PolicyFacts p={r.policy} />}
            {r && r.trail.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
                {r.trail.map((x) => label(x)).join(' → ')}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <SettingsCard orgId={orgId} canWrite={canWrite} />
        </Col>
      </Row>
      <Card title={t('policy.ownVersions', { org: org.data?.name ?? '' })}>
        <Table<Policy>
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={view.data?.ownVersions ?? []}
          locale={{ emptyText: t('policy.noOwn') }}
          columns={[
            { title: t('policy.field.version'), dataIndex: 'version', width: 70 },
            { title: t('policy.field.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
            {
              title: t('policy.field.vocabulary'),
              dataIndex: 'vocabulary',
              width: 130,
              render: (v: string) => t(`policy.vocabulary.${v}`),
            },
            {
              title: t('policy.field.dibaoLine'),
              dataIndex: 'dibaoLineFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('policy.field.relativeMultiple'),
              dataIndex: 'relativeMultipleBp',
              align: 'right',
              render: (v: number) => `${(v / 10_000).toFixed(2)} ×`,
            },
            {
              title: t('policy.field.accidentThreshold'),
              dataIndex: 'accidentThresholdFen',
              align: 'right',
              render: (v: number) => yuan(v),
            },
            { title: t('policy.field.source'), dataIndex: 'source', ellipsis: true, render: (v?: string) => v ?? '—' },
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              width: 150,
              render: (v?: string) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
            },
          ]}
        />
      </Card>
      {canWrite && (
        <PolicyFormModal
          open={editing}
          orgId={orgId}
          orgName={org.data?.name ?? ''}
          base={r?.ok ? r.policy : null}
          onClose={() => setEditing(false)}
        />
      )}
    </>
  );
}
