import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useErrorText } from '../../lib/errors';
import { Link, navigate, usePathname } from '../../lib/router';
import { usePermission } from '../auth';
import { type ReviewRound, useRounds } from './api';
import { OpenRoundModal, useReviewCode } from './ReviewDialogs';
import { RoundBoard } from './RoundBoard';

/**
 * 年度复核: /reviews (the rounds that concern the caller's union), /reviews/:id (the board), /reviews/:id/nodes/:orgId
 * (the board of one union below).
 */
export default function ReviewsPage() {
  const path = usePathname();
  const m = /^\/reviews\/(\d+)(?:\/nodes\/(\d+))?\/?$/.exec(path);
  if (m) {
    const orgId = m[2] ? Number(m[2]) : undefined;
    return <RoundBoard key={path} id={Number(m[1])} orgId={orgId} />;
  }
  return <RoundList />;
}

function RoundList() {
  const { t } = useTranslation();
  const can = usePermission();
  const rc = useReviewCode();
  const errorText = useErrorText();
  const rounds = useRounds();
  const [opening, setOpening] = useState(false);
  return (
    <>
      <PageHeader
        title={t('review.menu')}
        subtitle={t('review.subtitle')}
        extra={
          can('archive.approve') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              {t('review.open')}
            </Button>
          )
        }
      />
      <Card title={t('review.rounds')}>
        <Table<ReviewRound>
          rowKey="id"
          size="middle"
          data-testid="review-rounds"
          loading={rounds.isFetching}
          dataSource={rounds.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1080 }}
          locale={{ emptyText: rounds.error ? errorText(rounds.error) : t('review.noRounds') }}
          onRow={(r) => ({ onDoubleClick: () => navigate(`/reviews/${r.id}`) })}
          columns={[
            { title: t('review.year'), dataIndex: 'year', width: 70 },
            {
              title: t('review.node'),
              key: 'org',
              width: 190,
              render: (_, r) => (
                <Space size={6}>
                  <Link to={`/reviews/${r.id}`}>{r.orgName}</Link>
                  <Tag>{t(`review.relation.${r.relation}`)}</Tag>
                </Space>
              ),
            },
            {
              title: t('review.status'),
              key: 'status',
              width: 140,
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={r.status === 'open' ? 'green' : 'default'}>{rc('roundStatus', r.status)}</Tag>
                  {r.overdue && <Tag color="red">{t('review.overdueRound')}</Tag>}
                </Space>
              ),
            },
            { title: t('review.dueOn'), dataIndex: 'dueOn', width: 110 },
            {
              title: t('review.progress'),
              key: 'progress',
              width: 180,
              render: (_, r) => {
                const base = r.progress.files - r.progress.left;
                return (
                  <Progress
                    size="small"
                    strokeColor="#b8141d"
                    percent={base ? Math.floor((r.progress.reviewed * 100) / base) : 0}
                    format={() => `${r.progress.reviewed}/${base}`}
                  />
                );
              },
            },
            {
              title: t('review.stat.overdue'),
              key: 'overdue',
              width: 100,
              align: 'right',
              render: (_, r) => (
                <Typography.Text type={r.progress.overdue ? 'danger' : undefined}>{r.progress.overdue}</Typography.Text>
              ),
            },
            {
              title: `${t('review.stat.sampled')} / ${t('review.stat.checked')}`,
              key: 'spot',
              width: 120,
              align: 'right',
              render: (_, r) => `${r.progress.sampled} / ${r.progress.checked}`,
            },
            {
              title: t('review.stat.discrepancies'),
              key: 'disc',
              width: 100,
              align: 'right',
              render: (_, r) => (
                <Typography.Text type={r.progress.discrepancies ? 'danger' : undefined}>
                  {r.progress.discrepancies}
                </Typography.Text>
              ),
            },
            {
              title: t('common.actions'),
              key: 'go',
              width: 90,
              render: (_, r) => <Link to={`/reviews/${r.id}`}>{t('review.view')}</Link>,
            },
          ]}
        />
      </Card>
      {opening && <OpenRoundModal onClose={() => setOpening(false)} onOpened={(id) => navigate(`/reviews/${id}`)} />}
    </>
  );
}
