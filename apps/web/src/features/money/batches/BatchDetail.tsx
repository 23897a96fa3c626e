import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Progress, Result, Row, Spin, Statistic, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { Link, navigate } from '../../../lib/router';
import { usePermission } from '../../auth';
import { type Batch, useBatch, useFundChoices, useFunds } from '../api';
import { MeetingRecord } from '../bodies/MeetingRecord';
import { useMoneyCode } from '../codes';
import { yuan } from '../money';
import { BatchStatusTag, OrgName } from '../ui';
import { ApprovalHistory, useLevelLabel } from './ApprovalHistory';
import { BatchActions } from './BatchActions';
import { GrantsTable } from './GrantsTable';

function FundName({ batch }: { batch: Batch }) {
  const can = usePermission();
  const reads = can('fund.read');
  const funds = useFunds(batch.orgId, reads);
  const choices = useFundChoices(batch.orgId, batch.programme, !reads && can('assistance.propose'));
  const f = [...(funds.data?.items ?? []), ...(choices.data?.items ?? [])].find((x) => x.id === batch.fundId);
  return <>{f ? `${f.name}（${f.year}）` : batch.fundId ? `#${batch.fundId}` : '—'}</>;
}

function Skipped({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  return (
    <>
      {batch.skippedCount > batch.skipped.length && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('money.batches.skippedMore', { shown: batch.skipped.length, count: batch.skippedCount })}
        />
      )}
      <Table
        rowKey="householdId"
        size="small"
        dataSource={batch.skipped}
        data-testid="skipped-table"
        locale={{ emptyText: t('money.batches.noneSkipped') }}
        columns={[
          {
            title: t('money.grants.name'),
            dataIndex: 'name',
            width: 140,
            render: (v: string, s) => <Link to={`/archive/${s.householdId}`}>{v}</Link>,
          },
          { title: t('money.batches.skipReason'), dataIndex: 'reason' },
        ]}
      />
    </>
  );
}

/** A batch: progress while computing, totals, grants with explanations, skipped files, approvals, actions. */
export function BatchDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const level = useLevelLabel();
  const errorText = useErrorText();
  const q = useBatch(id);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (q.error || !q.data)
    return (
      <Result
        status="warning"
        title={errorText(q.error)}
        extra={<Button onClick={() => navigate('/batches')}>{t('money.batches.back')}</Button>}
      />
    );
  const b = q.data;
  const computing = b.status === 'computing';
  const pct = b.progress.total ? Math.floor((b.progress.done * 100) / b.progress.total) : computing ? 0 : 100;

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ padding: 0 }} onClick={() => navigate('/batches')}>
          {t('money.batches.back')}
        </Button>
        <h2 style={{ margin: '8px 0', fontSize: 20 }} data-testid="batch-title">
          {b.title} <BatchStatusTag status={b.status} />
        </h2>
        {computing && (
          <div data-testid="batch-progress" style={{ maxWidth: 560, marginBottom: 12 }}>
            <Progress percent={pct} status="active" />
            <span>{t('money.batches.progress', { done: b.progress.done, total: b.progress.total })}</span>
          </div>
        )}
        {b.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('money.batches.stopped')}
            description={b.error}
          />
        )}
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('money.batches.households')} value={b.grantCount} data-testid="batch-count" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('money.batches.total')} value={yuan(b.totalFen)} data-testid="batch-total" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('money.batches.skipped')} value={b.skippedCount} data-testid="batch-skipped" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('money.batches.requiredLevel')} value={level(b.requiredLevel)} />
          </Col>
        </Row>
        <BatchActions batch={b} />
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t('money.batches.batchNo')}>{b.batchNo}</Descriptions.Item>
          <Descriptions.Item label={t('money.batches.org')}>
            <OrgName id={b.orgId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('money.programme')}>{code('programme', b.programme)}</Descriptions.Item>
          <Descriptions.Item label={t('money.batches.period')}>{b.period}</Descriptions.Item>
          <Descriptions.Item label={t('money.batches.method')}>{code('method', b.method)}</Descriptions.Item>
          <Descriptions.Item label={t('money.batches.fund')}>
            <FundName batch={b} />
          </Descriptions.Item>
          <Descriptions.Item label={t('money.batches.rule')}>
            {b.rule.templateId} · v{b.rule.version}（{t('money.rules.since', { date: b.rule.effectiveFrom })}）
          </Descriptions.Item>
          <Descriptions.Item label={t('money.batches.createdBy')}>{b.createdBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('money.batches.createdAt')}>
            {dayjs(b.createdAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'grants',
              label: t('money.batches.tabGrants', { count: b.grantCount }),
              children: <GrantsTable batch={b} />,
            },
            {
              key: 'skipped',
              label: t('money.batches.tabSkipped', { count: b.skippedCount }),
              children: <Skipped batch={b} />,
            },
            {
              key: 'approvals',
              label: t('money.batches.tabApprovals'),
              children: (
                <>
                  <ApprovalHistory batch={b} />
                  <h3 style={{ fontSize: 15, margin: '16px 0 8px' }}>{t('money.meeting.record')}</h3>
                  <MeetingRecord type="batch" id={b.id} printPath={`/batches/${b.id}/record`} />
                </>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
