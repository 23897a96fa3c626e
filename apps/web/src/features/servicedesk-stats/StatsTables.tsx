import { Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { percent } from '../money/money';
import { Money } from '../money/ui';
import type { Stats } from './types';

type NodeRow = Stats['byNode'][number];

/** Each union below the chosen one, its whole subtree rolled up; the chosen union's own cases first. */
export function NodeTable({ s, onOpen }: { s: Stats; onOpen: (orgId: number) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('deskStats.nodes.title')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={<Typography.Text type="secondary">{t('deskStats.nodes.hint')}</Typography.Text>}
    >
      <Table<NodeRow>
        rowKey={(r) => `${r.org.id}-${r.own ? 'own' : 'sub'}`}
        size="small"
        pagination={false}
        data-testid="stats-nodes"
        dataSource={s.byNode}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('deskStats.nodes.org'),
            key: 'org',
            width: 200,
            render: (_, r) =>
              r.own ? (
                <span>
                  {r.org.name} <Tag>{t('deskStats.nodes.own')}</Tag>
                </span>
              ) : (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.org.id)}>
                  {r.org.name}
                </Button>
              ),
          },
          { title: t('deskStats.nodes.received'), dataIndex: 'received', width: 80, align: 'right' },
          { title: t('deskStats.nodes.prev'), dataIndex: 'receivedPrev', width: 70, align: 'right' },
          { title: t('deskStats.nodes.closed'), dataIndex: 'closed', width: 80, align: 'right' },
          { title: t('deskStats.nodes.onTime'), dataIndex: 'closedOnTime', width: 80, align: 'right' },
          {
            title: t('deskStats.nodes.onTimeRate'),
            key: 'rate',
            width: 100,
            align: 'right',
            render: (_, r) => percent(r.onTimeRateBp),
          },
          {
            title: t('deskStats.nodes.wages'),
            key: 'wages',
            width: 130,
            align: 'right',
            render: (_, r) => <Money fen={r.wagesRecoveredFen} />,
          },
          {
            title: t('deskStats.nodes.satisfaction'),
            key: 'sat',
            width: 90,
            align: 'right',
            render: (_, r) => percent(r.satisfactionRateBp),
          },
        ]}
      />
    </Card>
  );
}

interface HotRow {
  key: string;
  name: string;
  count: number;
  prev: number;
  rise: number;
}

function HotTable({ rows, testId }: { rows: HotRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<HotRow>
      rowKey="key"
      size="small"
      pagination={false}
      data-testid={testId}
      dataSource={rows}
      locale={{ emptyText: t('deskStats.hot.none') }}
      columns={[
        { title: t('deskStats.hot.name'), dataIndex: 'name', ellipsis: true },
        { title: t('deskStats.hot.count'), dataIndex: 'count', width: 70, align: 'right' },
        { title: t('deskStats.hot.prev'), dataIndex: 'prev', width: 70, align: 'right' },
        {
          title: t('deskStats.hot.rise'),
          key: 'rise',
          width: 70,
          align: 'right',
          render: (_, r) => <span style={{ color: '#cf1322' }}>+{r.rise}</span>,
        },
      ]}
    />
  );
}

/** 热点: the categories and the employers rising fastest against the previous period. */
export function HotTopics({ s }: { s: Stats }) {
  const { t } = useTranslation();
  return (
    <Card title={t('deskStats.hot.title')} size="small">
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('deskStats.hot.categories')}</Typography.Title>
          <HotTable
            testId="hot-categories"
            rows={s.hot.categories.map((c) => ({
              key: c.code,
              name: t(`deskStats.codes.category.${c.code}`, { defaultValue: c.label }),
              count: c.count,
              prev: c.prev,
              rise: c.rise,
            }))}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>
            {t('deskStats.hot.employers')}
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginLeft: 8 }}>
              {t('deskStats.hot.employersHint')}
            </Typography.Text>
          </Typography.Title>
          <HotTable
            testId="hot-employers"
            rows={s.hot.employers.map((e) => ({ key: e.employer, name: e.employer, ...e }))}
          />
        </Col>
      </Row>
    </Card>
  );
}
