import { Alert, Checkbox, DatePicker, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { afterToday, todayValue } from '../../../lib/today';
import { useCurrentUser } from '../../auth';
import { bodiesApi, type Sitting, type SubjectType, useBodiesAction, useSitting } from './api';
import { useRulesText } from './rules';

type Vote = 'approve' | 'reject' | 'abstain';
type Ballot = { present: boolean; vote: Vote; opinion: string };
type RosterRow = Sitting['roster'][number];

/** The smallest count above a share (display only: the server judges the meeting). */
const moreThan = (n: number, bp: number) => Math.floor((n * bp) / 10_000) + 1;

export interface DecisionTarget {
  type: SubjectType;
  id: number;
  decision: 'approve' | 'reject';
  /** What is decided, in one line (title, households, amount). */
  summary: ReactNode;
}

/**
 * 批准 / 退回 a batch, an application or a campaign's entries. The server says how it is decided (`/approvals/sitting`):
 * one approver (a node without bodies, as before), the group leader's signature, or a meeting of the 领导组 /
 * 委员会 — then the dialog records the meeting's number and date, the members present (from the roster in force on
 * that date; the subject's makers stand aside) and each one's vote, and shows the count against the quorum.
 */
export function DecisionDialog({
  target,
  title,
  onClose,
}: {
  target: DecisionTarget | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const rules = useRulesText();
  const [form] = Form.useForm<{ comment?: string; number?: string }>();
  const [heldOn, setHeldOn] = useState<Dayjs>(todayValue());
  const [ballots, setBallots] = useState<Record<number, Ballot>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const on = heldOn.format('YYYY-MM-DD');
  const sitting = useSitting(target?.type ?? 'batch', target?.id ?? 0, on, !!target);
  const decide = useBodiesAction((body: Parameters<typeof bodiesApi.decide>[2]) =>
    bodiesApi.decide(target?.type ?? 'batch', target?.id ?? 0, body),
  );
  useEffect(() => {
    if (!target) return;
    setHeldOn(todayValue());
    setProblem(null);
    // The member recording the meeting is present, voting as they decide.
    setBallots({ [me.id]: { present: true, vote: target.decision, opinion: '' } });
  }, [target, me.id]);
  if (!target) return null;
  const s = sitting.data;
  const meeting = s?.rule === 'meeting';
  const roster = s?.roster ?? [];
  const present = roster.filter((r) => r.mayVote && ballots[r.userId]?.present);
  const approve = present.filter((r) => ballots[r.userId]?.vote === 'approve').length;
  const chair = roster.find((r) => r.role === 'chair');
  const set = (userId: number, patch: Partial<Ballot>) =>
    setBallots((b) => ({
      ...b,
      [userId]: { present: false, vote: target.decision, opinion: '', ...b[userId], ...patch },
    }));
  const approveLabel = target.decision === 'approve';
  return (
    <FormModal
      title={title}
      okText={approveLabel ? t('money.approvals.approve') : t('money.approvals.reject')}
      danger={!approveLabel}
      width={meeting ? 820 : undefined}
      form={form}
      pending={decide.isPending}
      onClose={onClose}
      onError={setProblem}
      onValuesChange={() => setProblem(null)}
      intro={
        <>
          <Typography.Paragraph>{target.summary}</Typography.Paragraph>
          {s?.rule === 'one_approver' && (
            <Typography.Paragraph type="secondary" data-testid="decision-rule">
              {t('money.meeting.oneApprover', { level: t(`money.level.${s.level}`, { defaultValue: s.level }) })}
            </Typography.Paragraph>
          )}
          {s?.rule === 'leader' && s.body && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="decision-rule"
              title={t('money.meeting.byLeader', {
                body: s.body.name,
                chair: chair?.name ?? t('money.meeting.noChair'),
              })}
            />
          )}
          {meeting && s?.body && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="decision-rule"
              title={t('money.meeting.body', { body: s.body.name })}
              description={
                <>
                  {t('money.meeting.rules', { rules: rules(s.body) })}
                  <br />
                  {t('money.meeting.recordNote')}
                </>
              }
            />
          )}
        </>
      }
      after={problem && <Alert type="error" showIcon title={problem} data-testid="decision-problem" />}
      onSubmit={async (v) => {
        const votes = present.map((r) => {
          const b = ballots[r.userId] as Ballot;
          return { userId: r.userId, vote: b.vote, opinion: b.opinion.trim() || undefined };
        });
        await decide.mutateAsync({
          decision: target.decision,
          comment: v.comment?.trim() || undefined,
          meeting: meeting ? { number: (v.number ?? '').trim(), heldOn: on, votes } : undefined,
        });
        return approveLabel ? t('money.approvals.approved') : t('money.approvals.rejected');
      }}
    >
      {meeting && (
        <>
          <Space size={16} wrap>
            <Form.Item
              name="number"
              label={t('money.meeting.number')}
              rules={[{ required: true, whitespace: true, message: t('money.meeting.numberRequired') }]}
            >
              <Input placeholder={t('money.meeting.numberHint')} maxLength={40} style={{ width: 220 }} />
            </Form.Item>
            <Form.Item label={t('money.meeting.heldOn')} htmlFor="meeting-held-on">
              <DatePicker
                id="meeting-held-on"
                value={heldOn}
                allowClear={false}
                disabledDate={afterToday}
                onChange={(d) => d && setHeldOn(d)}
              />
            </Form.Item>
          </Space>
          {s?.body && roster.length === 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('money.meeting.noRoster', { body: s.body.name })}
            />
          )}
          <Table<RosterRow>
            rowKey="userId"
            size="small"
            pagination={false}
            dataSource={roster}
            data-testid="meeting-roster"
            style={{ marginBottom: 8 }}
            onRow={(r) => ({ 'data-testid': `roster-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('money.bodies.member'), dataIndex: 'name', width: 130 },
              {
                title: t('money.bodies.role'),
                dataIndex: 'role',
                width: 110,
                render: (r: string) => (
                  <Tag color={r === 'chair' ? 'gold' : undefined}>{t(`money.bodies.roles.${r}`)}</Tag>
                ),
              },
              {
                title: t('money.meeting.present'),
                key: 'present',
                width: 90,
                render: (_: unknown, r) =>
                  r.mayVote ? (
                    <Checkbox
                      aria-label={`${t('money.meeting.present')} ${r.name}`}
                      checked={!!ballots[r.userId]?.present}
                      onChange={(e) => set(r.userId, { present: e.target.checked })}
                    />
                  ) : (
                    <Tag title={t('money.meeting.excusedHint')}>{t('money.meeting.excused')}</Tag>
                  ),
              },
              {
                title: t('money.meeting.vote'),
                key: 'vote',
                width: 240,
                render: (_: unknown, r) => (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    aria-label={`${t('money.meeting.vote')} ${r.name}`}
                    disabled={!r.mayVote || !ballots[r.userId]?.present}
                    value={ballots[r.userId]?.present ? ballots[r.userId]?.vote : undefined}
                    onChange={(e) => set(r.userId, { vote: e.target.value as Vote })}
                    options={(['approve', 'reject', 'abstain'] as const).map((v) => ({
                      value: v,
                      label: t(`money.meeting.ballots.${v}`),
                    }))}
                  />
                ),
              },
              {
                title: t('money.meeting.opinion'),
                key: 'opinion',
                render: (_: unknown, r) => (
                  <Input
                    size="small"
                    maxLength={500}
                    aria-label={`${t('money.meeting.opinion')} ${r.name}`}
                    disabled={!r.mayVote || !ballots[r.userId]?.present}
                    value={ballots[r.userId]?.opinion ?? ''}
                    onChange={(e) => set(r.userId, { opinion: e.target.value })}
                  />
                ),
              },
            ]}
          />
          {s?.body && s.needs && (
            <Typography.Paragraph data-testid="meeting-tally">
              {t('money.meeting.tally', {
                roster: s.needs.roster,
                present: present.length,
                needed: s.needs.present,
                approve,
                neededApprove: moreThan(present.length, s.body.approveBp),
              })}
              {s.body.chairRequired && chair && !present.some((p) => p.userId === chair.userId) && (
                <Typography.Text type="danger"> · {t('money.meeting.chairAbsent')}</Typography.Text>
              )}
            </Typography.Paragraph>
          )}
        </>
      )}
      <Form.Item
        name="comment"
        label={t('money.approvals.opinion')}
        rules={approveLabel ? [] : [{ required: true, whitespace: true, message: t('money.approvals.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
