import { cancelReasons, reviewMethods, reviewOutcomes, STEP_OUTCOMES, spotResults } from '@bangfu/contracts';
import { Alert, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { OrgSelect } from '../../components/OrgSelect';
import { afterToday, thisYear, today, todayValue } from '../../lib/today';
import { useCode } from '../archive/codes';
import { useCurrentUser, usePermission } from '../auth';
import { type ReviewRoundFile, useFileAction, useOpenRound } from './api';

/** Code-list labels of the review (Chinese from @bangfu/contracts, English in the review dictionary). */
export function useReviewCode(): (list: 'outcome' | 'spot' | 'state' | 'roundStatus', code: string) => string {
  const { t } = useTranslation();
  return (list, code) => t(`review.codes.${list}.${code}`, { defaultValue: code });
}

/** 开展年度复核: node, year, spot-check share (%), due date (empty: 31 December). */
export function OpenRoundModal({ onClose, onOpened }: { onClose: () => void; onOpened: (id: number) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const open = useOpenRound();
  const [form] = Form.useForm<{ orgId: number; year: number; sharePct: number; dueOn?: Dayjs | null }>();
  return (
    <FormModal
      title={t('review.openTitle')}
      okText={t('review.openOk')}
      form={form}
      pending={open.isPending}
      onClose={onClose}
      intro={<Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('review.openIntro')} />}
      onSubmit={async (v) => {
        const r = await open.mutateAsync({
          orgId: v.orgId,
          year: v.year,
          spotShareBp: Math.round(v.sharePct * 100),
          dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : undefined,
        });
        onOpened(r.id);
        return t('review.opened', { year: r.year, files: r.progress.files });
      }}
    >
      <Form.Item name="orgId" label={t('review.node')} initialValue={me.orgId} rules={[{ required: true }]}>
        <OrgSelect id="review-org" />
      </Form.Item>
      <Form.Item name="year" label={t('review.year')} initialValue={thisYear()} rules={[{ required: true }]}>
        <InputNumber id="review-year" min={thisYear() - 1} max={thisYear() + 1} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="sharePct" label={t('review.share')} initialValue={30} extra={t('review.shareHint')}>
        <InputNumber id="review-share" min={0} max={100} precision={2} suffix="%" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="dueOn" label={t('review.dueOn')} extra={t('review.dueHint')}>
        <DatePicker id="review-due" disabledDate={(d) => d.format('YYYY-MM-DD') < today()} />
      </Form.Item>
    </FormModal>
  );
}

interface ReviewValues {
  method: string;
  reviewedOn: Dayjs;
  findings: string;
  outcome: string;
  reason?: string;
  cancelCause?: string;
}

/** 复核: how and when, what was found, and the outcome (a proposal unless the reviewer approves above the file). */
export function ReviewModal({
  roundId,
  year,
  file,
  callerOrgId,
  onClose,
}: {
  roundId: number;
  year: number;
  file: ReviewRoundFile;
  callerOrgId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const code = useCode();
  const rc = useReviewCode();
  const can = usePermission();
  const act = useFileAction(roundId);
  const [form] = Form.useForm<ReviewValues>();
  const outcome = Form.useWatch('outcome', form) ?? 'continue';
  const step = (STEP_OUTCOMES as readonly string[]).includes(outcome);
  const takesAtOnce = step && can('archive.approve') && file.orgId !== callerOrgId;
  const outcomes = reviewOutcomes.codes.filter((o) => o !== 'relieve' || file.status === 'filed');
  return (
    <FormModal
      width={640}
      title={t('review.reviewTitle', { name: file.name, fileNo: file.fileNo })}
      okText={t('review.reviewOk')}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await act.mutateAsync({
          householdId: file.householdId,
          what: 'review',
          body: {
            method: v.method,
            reviewedOn: v.reviewedOn.format('YYYY-MM-DD'),
            findings: v.findings.trim(),
            outcome: v.outcome,
            reason: v.outcome === 'continue' ? undefined : v.reason?.trim(),
            cancelCause: v.outcome === 'cancel' ? v.cancelCause : undefined,
          },
        });
        return t('review.reviewed');
      }}
    >
      <Form.Item name="method" label={t('review.method')} initialValue="phone" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={reviewMethods.map((m) => ({ value: m, label: code('reviewMethod', m) }))}
        />
      </Form.Item>
      <Form.Item
        name="reviewedOn"
        label={t('review.reviewedOn')}
        initialValue={todayValue()}
        rules={[{ required: true }]}
      >
        <DatePicker
          id="review-on"
          disabledDate={(d) => afterToday(d) || d.isBefore(dayjs(`${year}-01-01`))}
          allowClear={false}
        />
      </Form.Item>
      <Form.Item name="findings" label={t('review.findings')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
        <Input.TextArea id="review-findings" rows={3} placeholder={t('review.findingsPlaceholder')} />
      </Form.Item>
      <Form.Item name="outcome" label={t('review.outcome')} initialValue="continue" rules={[{ required: true }]}>
        <Radio.Group options={outcomes.map((o) => ({ value: o, label: rc('outcome', o) }))} />
      </Form.Item>
      {outcome !== 'continue' && (
        <Form.Item
          name="reason"
          label={t('review.reason')}
          extra={step ? t('review.reasonHint.step') : t('review.reasonHint.change')}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea id="review-reason" rows={2} />
        </Form.Item>
      )}
      {outcome === 'cancel' && (
        <Form.Item name="cancelCause" label={t('review.cancelCause')} rules={[{ required: true }]}>
          <Select
            id="review-cancel-cause"
            style={{ width: 200 }}
            options={cancelReasons.map((c) => ({ value: c, label: code('cancelCause', c) }))}
          />
        </Form.Item>
      )}
      {outcome === 'change' && <Alert type="info" showIcon message={t('review.changeHint')} />}
      {step && (
        <Alert
          type={takesAtOnce ? 'warning' : 'info'}
          showIcon
          message={t(takesAtOnce ? 'review.takesAtOnce' : 'review.proposes', {
            outcome: t(`archive.event.${outcome}`),
          })}
        />
      )}
    </FormModal>
  );
}

/** 抽查: the upper union's check of a drawn review — confirmed, or a discrepancy with what differs. */
export function SpotCheckModal({
  roundId,
  file,
  onClose,
}: {
  roundId: number;
  file: ReviewRoundFile;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const code = useCode();
  const rc = useReviewCode();
  const act = useFileAction(roundId);
  const [form] = Form.useForm<{ result: string; note?: string }>();
  const result = Form.useWatch('result', form);
  const r = file.review;
  return (
    <FormModal
      title={t('review.checkTitle', { name: file.name, fileNo: file.fileNo })}
      okText={t('review.checkOk')}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      intro={
        r && (
          <Typography.Paragraph type="secondary">
            {t('review.checkIntro', {
              by: r.by,
              method: code('reviewMethod', r.method),
              on: r.reviewedOn,
              findings: r.findings,
            })}
          </Typography.Paragraph>
        )
      }
      onSubmit={async (v) => {
        await act.mutateAsync({
          householdId: file.householdId,
          what: 'spot-check',
          body: { result: v.result, note: v.note?.trim() || undefined },
        });
        return t('review.checked');
      }}
    >
      <Form.Item name="result" label={t('review.result')} initialValue="confirmed" rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={spotResults.codes.map((s) => ({ value: s, label: rc('spot', s) }))} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('review.note')}
        rules={[{ required: result === 'discrepancy', whitespace: true, max: 1000 }]}
      >
        <Input.TextArea id="spot-note" rows={3} placeholder={t('review.notePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

/** 审批: the upper union takes a proposed 解困/脱困/注销 (the archive step) or declines it, with its opinion. */
export function DecisionModal({
  roundId,
  file,
  onClose,
}: {
  roundId: number;
  file: ReviewRoundFile;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rc = useReviewCode();
  const act = useFileAction(roundId);
  const [form] = Form.useForm<{ decision: 'take' | 'decline'; reason: string }>();
  const outcome = rc('outcome', file.review?.outcome ?? '');
  const stepName = t(`archive.event.${file.review?.outcome ?? ''}`);
  return (
    <FormModal
      title={t('review.decideTitle', { name: file.name, fileNo: file.fileNo })}
      okText={t('review.decideOk')}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      intro={
        <Typography.Paragraph type="secondary">
          {t('review.decideIntro', { outcome, reason: file.review?.reason ?? '', by: file.review?.by ?? '' })}
        </Typography.Paragraph>
      }
      onSubmit={async (v) => {
        await act.mutateAsync({
          householdId: file.householdId,
          what: 'decision',
          body: { ...v, reason: v.reason.trim() },
        });
        return t('review.decided');
      }}
    >
      <Form.Item name="decision" initialValue="take" rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'take', label: t('review.take', { outcome: stepName }) },
            { value: 'decline', label: t('review.decline') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('review.decisionReason')}
        rules={[{ required: true, whitespace: true, max: 1000 }]}
      >
        <Input.TextArea id="decision-reason" rows={3} />
      </Form.Item>
    </FormModal>
  );
}
