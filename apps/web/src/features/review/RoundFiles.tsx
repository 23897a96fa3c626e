import type { ReviewFileState, ReviewRoundDetail } from '@bangfu/contracts';
import { STEP_OUTCOMES } from '@bangfu/contracts';
import { Badge, Button, Input, Space, Table, type TableColumnsType, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { Link } from '../../lib/router';
import { today } from '../../lib/today';
import { useCode } from '../archive/codes';
import { StatusTag } from '../archive/components/StatusTag';
import { useCurrentUser, usePermission } from '../auth';
import { type ReviewRoundFile, useRoundFiles } from './api';
import { DecisionModal, ReviewModal, SpotCheckModal, useReviewCode } from './ReviewDialogs';

const OUTCOME_COLORS: Record<string, string> = {
  continue: 'green',
  change: 'gold',
  relieve: 'cyan',
  exit: 'blue',
  cancel: 'default',
};

/** The board's tabs: a list each, with its count from the round's progress. */
const TABS: { state: ReviewFileState; count: (p: ReviewRoundDetail['progress']) => number; alert?: boolean }[] = [
  { state: 'not_reviewed', count: (p) => p.notReviewed },
  { state: 'overdue', count: (p) => p.overdue, alert: true },
  { state: 'stale', count: (p) => p.stale, alert: true },
  { state: 'reviewed', count: (p) => p.reviewed },
  { state: 'to_check', count: (p) => p.sampled - p.checked },
  { state: 'sampled', count: (p) => p.sampled },
  { state: 'discrepancy', count: (p) => p.discrepancies, alert: true },
  { state: 'needs_change', count: (p) => p.needsChange },
  { state: 'needs_step', count: (p) => p.needsStep, alert: true },
  { state: 'all', count: (p) => p.files },
];

type Dialog = { kind: 'review' | 'check' | 'decide'; file: ReviewRoundFile } | null;

/** The lists of a round (within the board's node): each file's review, outcome and spot check, and what to do next. */
export function RoundFiles({ round, orgId }: { round: ReviewRoundDetail; orgId?: number }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ReviewFileState>(round.progress.overdue > 0 ? 'overdue' : 'not_reviewed');
  return (
    <Tabs
      activeKey={state}
      onChange={(k) => setState(k as ReviewFileState)}
      destroyOnHidden
      items={TABS.map((tab) => {
        const n = tab.count(round.progress);
        return {
          key: tab.state,
          label: (
            <Space size={6} data-testid={`review-tab-${tab.state}`}>
              {t(`review.codes.state.${tab.state}`)}
              <Badge count={n} overflowCount={99999} showZero={false} color={tab.alert ? '#b8141d' : '#8c8c8c'} />
            </Space>
          ),
          children: <FilesTable round={round} state={tab.state} orgId={orgId} />,
        };
      })}
    />
  );
}

function FilesTable({ round, state, orgId }: { round: ReviewRoundDetail; state: ReviewFileState; orgId?: number }) {
  const { t } = useTranslation();
  const code = useCode();
  const rc = useReviewCode();
  const can = usePermission();
  const me = useCurrentUser();
  const errorText = useErrorText();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(20);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useRoundFiles(round.id, { state, orgId, q: q || undefined, page, size });
  const open = round.status === 'open';
  const columns: TableColumnsType<ReviewRoundFile> = [
    { title: t('review.col.fileNo'), dataIndex: 'fileNo', width: 130 },
    {
      title: t('review.col.name'),
      key: 'name',
      width: 160,
      render: (_, f) => (
        <div>
          <Space size={4} wrap>
            <Link to={`/archive/${f.householdId}`}>{f.name}</Link>
            {f.staleReview && (
              <Tag color="red" data-testid="stale-flag">
                {t('review.staleTag')}
              </Tag>
            )}
            {f.overdue && <Tag color="volcano">{t('review.overdueTag')}</Tag>}
          </Space>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {f.idMasked}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('review.col.org'), dataIndex: 'orgName', width: 120, ellipsis: true },
    { title: t('review.col.status'), key: 'status', width: 90, render: (_, f) => <StatusTag status={f.status} /> },
    {
      title: t('review.col.review'),
      key: 'review',
      width: 160,
      render: (_, f) =>
        f.review ? (
          <Tooltip title={f.review.findings}>
            <span>
              {code('reviewMethod', f.review.method)} ·{' '}
              <span style={{ whiteSpace: 'nowrap' }}>{f.review.reviewedOn}</span>
              <Typography.Text type="secondary"> · {f.review.by}</Typography.Text>
            </span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">
            {f.lastReviewedAt ? `${t('review.col.lastReviewed')} ${today(new Date(f.lastReviewedAt))}` : '—'}
          </Typography.Text>
        ),
    },
    {
      title: t('review.col.outcome'),
      key: 'outcome',
      width: 160,
      render: (_, f) => {
        const r = f.review;
        if (!r) return '—';
        const step = (STEP_OUTCOMES as readonly string[]).includes(r.outcome);
        return (
          <Tooltip title={r.reason ?? undefined}>
            <Space size={4} wrap>
              <Tag color={OUTCOME_COLORS[r.outcome]}>{rc('outcome', r.outcome)}</Tag>
              {step && (
                <Typography.Text type={r.decision ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
                  {t(`review.decision.${r.decision ?? 'pending'}`)}
                </Typography.Text>
              )}
              {r.changeId !== null && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('review.changeLinked', { id: r.changeId })}
                </Typography.Text>
              )}
            </Space>
          </Tooltip>
        );
      },
    },
    {
      title: t('review.col.spot'),
      key: 'spot',
      width: 90,
      render: (_, f) =>
        !f.spot ? (
          '—'
        ) : f.spot.result ? (
          <Tooltip title={f.spot.note ?? `${f.spot.checkedBy}`}>
            <Tag color={f.spot.result === 'confirmed' ? 'green' : 'red'}>{rc('spot', f.spot.result)}</Tag>
          </Tooltip>
        ) : (
          <Tag color="purple">{t('review.spotPending')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      fixed: 'right',
      // Every step open to the caller: a sampled file proposing 解困 is both checked and decided by the upper union.
      render: (_, f) => {
        const managed = f.status === 'filed' || f.status === 'relieved';
        const r = f.review;
        const upper = can('archive.approve') && f.orgId !== me.orgId;
        const steps: { kind: NonNullable<Dialog>['kind']; label: string; primary?: boolean }[] = [];
        if (!r && open && managed && can('archive.write'))
          steps.push({ kind: 'review', label: t('review.actions.review'), primary: true });
        if (f.spot && !f.spot.checkedAt && upper && r?.by !== me.displayName)
          steps.push({ kind: 'check', label: t('review.actions.check') });
        if (r && (STEP_OUTCOMES as readonly string[]).includes(r.outcome) && !r.decision && managed && upper)
          steps.push({ kind: 'decide', label: t('review.actions.decide') });
        return (
          <Space size={4} wrap>
            {steps.map((x) => (
              <Button
                key={x.kind}
                size="small"
                type={x.primary ? 'primary' : 'default'}
                onClick={() => setDialog({ kind: x.kind, file: f })}
                data-testid={`review-action-${x.kind}`}
              >
                {x.label}
              </Button>
            ))}
          </Space>
        );
      },
    },
  ];
  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('review.search')}
        style={{ width: 280, marginBottom: 12 }}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
      />
      <Table<ReviewRoundFile>
        size="small"
        rowKey="householdId"
        data-testid={`review-files-${state}`}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1050 }}
        locale={{ emptyText: list.error ? errorText(list.error) : t('review.none') }}
        pagination={{
          current: page,
          pageSize: size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (p, s) => {
            setPage(p);
            setSize(s);
          },
        }}
      />
      {dialog?.kind === 'review' && (
        <ReviewModal
          roundId={round.id}
          year={round.year}
          file={dialog.file}
          callerOrgId={me.orgId}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'check' && (
        <SpotCheckModal roundId={round.id} file={dialog.file} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'decide' && (
        <DecisionModal roundId={round.id} file={dialog.file} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
