import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ReviewProgress, ReviewRoundDetail } from '@bangfu/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Popconfirm,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useErrorText } from '../../lib/errors';
import { Link, navigate } from '../../lib/router';
import { useRound, useRoundAction } from './api';
import { useReviewCode } from './ReviewDialogs';
import { RoundFiles } from './RoundFiles';

const pct = (bp: number) => `${bp % 100 === 0 ? bp / 100 : (bp / 100).toFixed(2)}%`;
const share = (a: number, b: number) => (b === 0 ? 0 : Math.floor((a * 100) / b));

type Node = ReviewRoundDetail['nodes'][number];

/** The board of one round: its numbers, per child node, the lists, and the round's actions. */
export function RoundBoard({ id, orgId }: { id: number; orgId?: number }) {
  const { t } = useTranslation();
  const rc = useReviewCode();
  const errorText = useErrorText();
  const board = useRound(id, orgId);
  const r = board.data;
  if (!r)
    return (
      <Card loading={board.isLoading}>
        {board.error && <Alert type="error" showIcon message={errorText(board.error)} />}
      </Card>
    );
  return (
    <>
      <PageHeader
        title={t('review.round', { year: r.year, org: r.orgName })}
        subtitle={
          <Space size={12} wrap>
            <Tag color={r.status === 'open' ? 'green' : 'default'}>{rc('roundStatus', r.status)}</Tag>
            <span>
              {t('review.dueOn')}：{r.dueOn}
            </span>
            {r.overdue && <Tag color="red">{t('review.overdueRound')}</Tag>}
            <span>
              {t('review.share')}：{pct(r.spotShareBp)}
            </span>
            <span>
              {t('review.openedBy')}：{r.openedBy}
            </span>
          </Space>
        }
        extra={<RoundActions round={r} />}
      />
      <Card style={{ marginBottom: 16 }} data-testid="review-progress">
        <Stats p={r.progress} />
      </Card>
      {r.nested.length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          message={
            <Space wrap>
              {t('review.nested')}
              {r.nested.map((n) => (
                <Link key={n.id} to={`/reviews/${n.id}`}>
                  {n.orgName}
                </Link>
              ))}
            </Space>
          }
        />
      )}
      <Card
        title={`${t('review.nodes')} · ${r.anchor.orgName}`}
        style={{ marginBottom: 16 }}
        extra={
          orgId !== undefined && (
            <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(`/reviews/${id}`)}>
              {t('review.up', { org: r.orgName })}
            </Button>
          )
        }
      >
        <NodesTable round={r} />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <RoundFiles key={`${r.id}-${orgId ?? 0}`} round={r} orgId={orgId} />
      </Card>
    </>
  );
}

function Stats({ p }: { p: ReviewProgress }) {
  const { t } = useTranslation();
  const items: [keyof ReviewProgress, boolean?][] = [
    ['files'],
    ['reviewed'],
    ['notReviewed'],
    ['overdue', true],
    ['stale', true],
    ['sampled'],
    ['checked'],
    ['discrepancies', true],
    ['needsChange'],
    ['needsStep', true],
  ];
  return (
    <Row gutter={24} wrap={false} align="middle">
      <Col flex="none">
        <Progress
          type="dashboard"
          size={110}
          percent={share(p.reviewed, p.files - p.left)}
          format={(v) => `${v}%`}
          strokeColor="#b8141d"
        />
      </Col>
      <Col flex="auto">
        <Row gutter={[16, 12]}>
          {items.map(([k, alert]) => (
            <Col key={k} flex="20%">
              <Statistic
                title={t(`review.stat.${k}`)}
                value={p[k]}
                valueStyle={alert && p[k] > 0 ? { color: '#b8141d' } : undefined}
                data-testid={`review-stat-${k}`}
              />
            </Col>
          ))}
        </Row>
      </Col>
    </Row>
  );
}

function NodesTable({ round }: { round: ReviewRoundDetail }) {
  const { t } = useTranslation();
  const num = (k: keyof ReviewProgress, alert?: boolean) => ({
    title: t(`review.stat.${k}`),
    key: k,
    width: 90,
    align: 'right' as const,
    render: (_: unknown, n: Node) => (
      <span style={alert && n[k] > 0 ? { color: '#b8141d', fontWeight: 600 } : undefined}>{n[k]}</span>
    ),
  });
  return (
    <Table<Node>
      size="small"
      rowKey={(n) => `${n.kind}-${n.orgId}`}
      pagination={false}
      data-testid="review-nodes"
      // Unions with files in the round first (each group in 音序), then those without.
      dataSource={[
        ...round.nodes.filter((n) => n.files > 0),
        ...round.nodes.filter((n) => n.files === 0 && n.kind === 'child'),
      ]}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('review.node'),
          key: 'org',
          render: (_, n) => (
            <Space size={6}>
              {n.kind === 'child' && n.files > 0 ? (
                <Link to={`/reviews/${round.id}/nodes/${n.orgId}`} title={t('review.drill')}>
                  {n.orgName}
                </Link>
              ) : (
                <span>{n.orgName}</span>
              )}
              {n.kind !== 'child' && <Tag>{t(`review.nodeKind.${n.kind}`)}</Tag>}
            </Space>
          ),
        },
        num('files'),
        {
          title: t('review.progress'),
          key: 'progress',
          width: 180,
          render: (_, n) => (
            <Progress
              percent={share(n.reviewed, n.files - n.left)}
              size="small"
              strokeColor="#b8141d"
              format={() => `${n.reviewed}/${n.files - n.left}`}
            />
          ),
        },
        num('overdue', true),
        { ...num('stale', true), width: 110 },
        num('sampled'),
        num('checked'),
        num('discrepancies', true),
        num('needsStep', true),
      ]}
      locale={{ emptyText: <Typography.Text type="secondary">{t('review.none')}</Typography.Text> }}
    />
  );
}

function RoundActions({ round }: { round: ReviewRoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const act = useRoundAction(round.id);
  const run = async (what: 'refresh' | 'sample' | 'close') => {
    try {
      const r = await act.mutateAsync(what);
      if (what === 'refresh')
        message.success(r.added ? t('review.refreshed', { count: r.added }) : t('review.refreshedNone'));
      else if (what === 'sample') message.success(t('review.sampled', r));
      else message.success(t('review.closed'));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Space wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/reviews')}>
        {t('review.back')}
      </Button>
      {round.may.refresh && (
        <Button onClick={() => run('refresh')} loading={act.isPending && act.variables === 'refresh'}>
          {t('review.refresh')}
        </Button>
      )}
      {round.may.sample && (
        <Popconfirm
          title={t('review.sample')}
          description={
            <div style={{ maxWidth: 320 }}>{t('review.sampleConfirm', { share: pct(round.spotShareBp) })}</div>
          }
          onConfirm={() => run('sample')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button type="primary" data-testid="review-sample">
            {t('review.sample')}
          </Button>
        </Popconfirm>
      )}
      {round.may.close && (
        <Popconfirm
          title={t('review.close')}
          description={<div style={{ maxWidth: 320 }}>{t('review.closeConfirm')}</div>}
          onConfirm={() => run('close')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button danger>{t('review.close')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
