import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Row, Segmented, Spin, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useErrorText } from '../../lib/errors';
import { today } from '../../lib/today';
import { useCurrentUser } from '../auth/api';
import { percent, yuan } from '../money/money';
import { NodeBar, numberParam } from '../money/ui';
import { downloadStats, type StatsQuery, useStats } from './api';
import { CategoryChart, ChannelChart, SatisfactionChart, TrendChart } from './StatsCharts';
import { HotTopics, NodeTable } from './StatsTables';

/**
 * 信访统计分析 (/servicedesk-stats?orgId): a union's subtree for a month, quarter or year against the period before —
 * headline figures, the trend, categories, channels, satisfaction, each union below, the hot topics — and the same
 * figures as an .xlsx for reporting upward.
 */
export default function StatsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [q, setQ] = useState<StatsQuery>(() => ({
    orgId: numberParam('orgId') ?? me.orgId,
    period: 'month',
    date: today(),
  }));
  const stats = useStats(q);
  const [downloading, setDownloading] = useState(false);
  const s = stats.data;
  const picker = q.period === 'month' ? 'month' : q.period === 'quarter' ? 'quarter' : 'year';
  return (
    <>
      <PageHeader
        title={t('deskStats.menu')}
        subtitle={t('deskStats.subtitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            data-testid="stats-download"
            onClick={() => {
              setDownloading(true);
              downloadStats(q)
                .catch((e) => message.error(errorText(e)))
                .finally(() => setDownloading(false));
            }}
          >
            {t('deskStats.download')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="stats-org" orgId={q.orgId} onChange={(orgId) => setQ((v) => ({ ...v, orgId }))}>
          <span style={{ marginLeft: 12 }}>{t('deskStats.period')}</span>
          <Segmented
            value={q.period}
            onChange={(period) => setQ((v) => ({ ...v, period: period as StatsQuery['period'] }))}
            options={(['month', 'quarter', 'year'] as const).map((p) => ({
              value: p,
              label: t(`deskStats.periods.${p}`),
            }))}
          />
          <DatePicker
            picker={picker}
            allowClear={false}
            value={dayjs(q.date)}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today()}
            onChange={(d) => d && setQ((v) => ({ ...v, date: d.format('YYYY-MM-DD') }))}
            style={{ width: 140 }}
          />
          {s && (
            <Typography.Text type="secondary">
              {s.period.from} ~ {s.period.to}
            </Typography.Text>
          )}
        </NodeBar>
      </Card>
      {!s ? (
        stats.error ? (
          <Card>
            <Typography.Text type="danger">{errorText(stats.error)}</Typography.Text>
          </Card>
        ) : (
          <Spin style={{ display: 'block', margin: 48 }} />
        )
      ) : (
        <Spin spinning={stats.isFetching} delay={300}>
          <Headline s={s} />
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <Card title={t('deskStats.chart.trend')} size="small" style={{ marginBottom: 16 }}>
                <TrendChart s={s} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t('deskStats.chart.satisfaction')} size="small" style={{ marginBottom: 16 }}>
                <SatisfactionChart s={s} />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <Card title={t('deskStats.chart.categories')} size="small" style={{ marginBottom: 16 }}>
                <CategoryChart s={s} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t('deskStats.chart.channels')} size="small" style={{ marginBottom: 16 }}>
                <ChannelChart s={s} />
              </Card>
            </Col>
          </Row>
          <NodeTable s={s} onOpen={(orgId) => setQ((v) => ({ ...v, orgId }))} />
          <HotTopics s={s} />
        </Spin>
      )}
    </>
  );
}

/** A figure with the previous period's beside it and an arrow for the direction. */
function Kpi({
  title,
  value,
  prev,
  up,
  foot,
  testId,
}: {
  title: string;
  value: ReactNode;
  prev?: string;
  up?: boolean | null;
  foot?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value as string}
        valueStyle={{ fontSize: 24 }}
        prefix={up === null || up === undefined ? undefined : up ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
      />
      <div data-testid={testId} style={{ fontSize: 12, color: '#888', minHeight: 18 }}>
        {prev !== undefined && t('deskStats.vsPrev', { value: prev })}
        {foot && <div>{foot}</div>}
      </div>
    </Card>
  );
}

const dir = (a: number | null, b: number | null) => (a === null || b === null || a === b ? null : a > b);

function Headline({ s }: { s: NonNullable<ReturnType<typeof useStats>['data']> }) {
  const { t } = useTranslation();
  const x = s.totals;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={8} xl={4}>
        <Kpi
          title={t('deskStats.kpi.received')}
          value={x.received}
          prev={String(x.receivedPrev)}
          up={dir(x.received, x.receivedPrev)}
          foot={t('deskStats.kpi.collective', { count: x.collective, people: x.collectivePeople })}
          testId="kpi-received"
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi
          title={t('deskStats.kpi.closed')}
          value={x.closed}
          prev={String(x.closedPrev)}
          up={dir(x.closed, x.closedPrev)}
          foot={t('deskStats.kpi.repeats', { count: x.repeats })}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi
          title={t('deskStats.kpi.onTime')}
          value={percent(x.onTimeRateBp)}
          prev={percent(x.onTimeRateBpPrev)}
          up={dir(x.onTimeRateBp, x.onTimeRateBpPrev)}
          testId="kpi-ontime"
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi
          title={t('deskStats.kpi.satisfaction')}
          value={percent(x.satisfactionRateBp)}
          foot={t('deskStats.kpi.callbacks', { count: x.callbacks })}
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi
          title={t('deskStats.kpi.wages')}
          value={yuan(x.wagesRecoveredFen)}
          prev={yuan(x.wagesRecoveredFenPrev)}
          up={dir(x.wagesRecoveredFen, x.wagesRecoveredFenPrev)}
          testId="kpi-wages"
        />
      </Col>
      <Col xs={12} md={8} xl={4}>
        <Kpi
          title={t('deskStats.kpi.open')}
          value={x.openNow}
          foot={
            <span style={{ color: x.overdueNow ? '#cf1322' : undefined }}>
              {t('deskStats.kpi.overdue', { count: x.overdueNow })}
            </span>
          }
        />
      </Col>
    </Row>
  );
}
