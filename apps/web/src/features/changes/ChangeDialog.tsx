import { ArrowRightOutlined, EyeOutlined, PaperClipOutlined } from '@ant-design/icons';
import { grades } from '@bangfu/contracts';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { download } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { useCodeOptions } from '../archive/codes';
import { GradeTag } from '../archive/components/StatusTag';
import { yuan } from '../archive/money';
import { useCurrentUser, usePermission } from '../auth';
import { type ChangeDetail, type Step, useChange, useChangeStep } from './api';
import { ChangeStatusTag, KindTags } from './ChangeTags';
import { DiffView } from './DiffView';

const at = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

interface Values {
  opinion: string;
  grade?: string;
  overrideReason?: string;
}

/** The grade in force, the policy's proposal before and after the change, and why. */
function GradeFacts({ c }: { c: ChangeDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const proposal = (g: string | null, eligible: boolean | null) =>
    eligible === false ? <Tag>{t('changes.dialog.eligibleNo')}</Tag> : <GradeTag grade={g} />;
  const summary = c.explanationAfter?.explanation?.summary;
  return (
    <>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('changes.dialog.gradeNow')}>
          <GradeTag grade={c.gradeBefore} />
        </Descriptions.Item>
        <Descriptions.Item label={t('changes.dialog.gradeBefore')}>
          {proposal(c.gradeProposedBefore, c.eligibleBefore)}
        </Descriptions.Item>
        <Descriptions.Item label={t('changes.dialog.gradeAfter')}>
          <Space size={4}>
            <ArrowRightOutlined />
            {proposal(c.gradeProposedAfter, c.eligibleAfter)}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {summary && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="change-explanation">
          {t('changes.dialog.explanation', { text: lang === 'en' ? summary.en : summary.zh })}
        </Typography.Paragraph>
      )}
      <Alert
        style={{ marginTop: 8 }}
        type={c.needsUpper ? 'warning' : 'info'}
        showIcon
        title={c.needsUpper ? t('changes.dialog.needsUpper') : t('changes.dialog.noUpper')}
      />
    </>
  );
}

/** What approving did: the version, the grants that took the new card, those already at the bank. */
function Result({ c }: { c: ChangeDetail }) {
  const { t } = useTranslation();
  if (!c.result) return null;
  const bank = c.result.bank;
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 12 }}
      title={t('changes.dialog.result', { version: c.result.version })}
      description={
        bank && (
          <>
            <div>{t('changes.dialog.grantsUpdated', { count: bank.updatedGrants.length })}</div>
            {bank.alreadySent.length > 0 && (
              <div>
                {t('changes.dialog.grantsSent')}
                {bank.alreadySent.map((g) => `${g.batchNo} ${g.period} ${yuan(g.amountFen)}`).join('；')}
              </div>
            )}
          </>
        )
      }
    />
  );
}

/**
 * One change request: who proposed it and why, the grade before → after with the policy's explanation, the
 * field-level diff, the evidence, and the step the signed-in user may take now (review, decide, end the notice,
 * withdraw). The server checks every rule again (maker-checker, upper union, stale base version).
 */
export function ChangeDialog({ changeId, onClose }: { changeId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const can = usePermission();
  const me = useCurrentUser();
  const gradeOptions = useCodeOptions()('grade', grades.codes);
  const [reveal, setReveal] = useState(false);
  const masked = useChange(changeId, false);
  const revealed = useChange(reveal ? changeId : null, true);
  const c = (reveal ? revealed.data : null) ?? masked.data;
  const run = useChangeStep(changeId);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const grade = Form.useWatch('grade', form);

  const open = c && ['pending', 'pending_upper', 'on_notice'].includes(c.status);
  const step: 'review' | 'decide' | 'finish-notice' | null = !c
    ? null
    : c.status === 'pending' && can('archive.review')
      ? 'review'
      : c.status === 'pending_upper' && can('archive.approve') && c.orgId !== me.orgId
        ? 'decide'
        : c.status === 'on_notice' && can('archive.review')
          ? 'finish-notice'
          : null;
  const stale = open && c.baseVersion !== c.currentVersion;
  const overridden = step === 'decide' && !!c?.gradeProposedAfter && grade !== c.gradeProposedAfter;

  const submit = async (decision: 'approve' | 'reject' | 'confirm') => {
    setError(null);
    const v = await form.validateFields();
    const s: Step =
      step === 'review'
        ? { step, body: { decision: decision === 'reject' ? 'reject' : 'approve', opinion: v.opinion } }
        : step === 'decide'
          ? {
              step,
              body:
                decision === 'reject'
                  ? { decision: 'reject', opinion: v.opinion }
                  : { decision: 'approve', opinion: v.opinion, grade: v.grade, overrideReason: v.overrideReason },
            }
          : {
              step: 'finish-notice',
              body: { decision: decision === 'reject' ? 'reject' : 'confirm', opinion: v.opinion },
            };
    try {
      await run.mutateAsync(s);
      message.success(t('changes.dialog.done'));
      onClose();
    } catch (e) {
      setError(e);
    }
  };
  const withdraw = () =>
    modal.confirm({
      title: t('changes.dialog.withdrawConfirm'),
      onOk: async () => {
        try {
          await run.mutateAsync({ step: 'withdraw' });
          onClose();
        } catch (e) {
          setError(e);
        }
      },
    });

  return (
    <Modal
      open
      width={900}
      onCancel={onClose}
      title={c ? t('changes.dialog.title', { name: c.name, fileNo: c.fileNo }) : ''}
      footer={
        <Space>
          {open && can('archive.write') && c.status !== 'on_notice' && (
            <Button onClick={withdraw} data-testid="change-withdraw">
              {t('changes.action.withdraw')}
            </Button>
          )}
          {step && (
            <Button danger onClick={() => submit('reject')} loading={run.isPending} data-testid="change-reject">
              {t('changes.dialog.reject')}
            </Button>
          )}
          {step && (
            <Button
              type="primary"
              onClick={() => submit(step === 'finish-notice' ? 'confirm' : 'approve')}
              loading={run.isPending}
              disabled={!!stale}
              data-testid="change-approve"
            >
              {step === 'finish-notice' ? t('changes.dialog.confirmNotice') : t('changes.dialog.approve')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Space>
      }
    >
      {!c ? (
        <Spin style={{ display: 'block', margin: 40 }} />
      ) : (
        <div data-testid="change-dialog">
          {error !== null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(error)} />}
          {stale && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('changes.queue.staleHint', { base: c.baseVersion, current: c.currentVersion })}
            />
          )}
          <Space wrap style={{ marginBottom: 8 }}>
            <ChangeStatusTag status={c.status} />
            <KindTags kinds={c.kinds} />
          </Space>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <strong>{c.reason}</strong>
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t('changes.dialog.proposed', {
              by: c.proposedByName ?? '—',
              at: at(c.proposedAt),
              via: t(`changes.via.${c.via}`),
              version: c.baseVersion,
            })}
            {c.reviewedByName && (
              <>
                <br />
                {t('changes.dialog.reviewedBy', {
                  by: c.reviewedByName,
                  at: at(c.reviewedAt),
                  opinion: c.reviewOpinion ?? '',
                })}
              </>
            )}
            {c.decidedByName && (
              <>
                <br />
                {t('changes.dialog.decidedBy', {
                  by: c.decidedByName,
                  at: at(c.decidedAt),
                  opinion: c.decideOpinion ?? '',
                })}
              </>
            )}
          </Typography.Paragraph>
          {c.status === 'on_notice' && (
            <Alert type="info" showIcon title={t('changes.dialog.noticeHint', { end: at(c.noticeEnd) })} />
          )}
          <Divider titlePlacement="start" plain>
            {t('changes.dialog.gradeTitle')}
          </Divider>
          <GradeFacts c={c} />
          <Divider titlePlacement="start" plain>
            <Space>
              {t('changes.diff.title')}
              {!c.diff.revealed && can('personal.reveal') && (
                <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setReveal(true)}>
                  {t('changes.action.reveal')}
                </Button>
              )}
            </Space>
          </Divider>
          <DiffView diff={c.diff} />
          <Typography.Paragraph style={{ marginTop: 12 }}>
            <PaperClipOutlined /> {t('changes.dialog.attachments', { list: '' })}
            {c.attachments.length === 0 && t('changes.dialog.noAttachments')}
            {c.attachments.map((a) =>
              can('personal.reveal') ? (
                <Button
                  key={a.id}
                  type="link"
                  size="small"
                  onClick={() =>
                    download(`/households/${c.householdId}/attachments/${a.id}`, a.filename).catch((e: unknown) =>
                      setError(e),
                    )
                  }
                >
                  {a.filename}
                </Button>
              ) : (
                <Tag key={a.id}>{a.filename}</Tag>
              ),
            )}
          </Typography.Paragraph>
          <Result c={c} />
          {step && (
            <Form<Values>
              form={form}
              layout="vertical"
              style={{ marginTop: 12 }}
              initialValues={{ grade: c.gradeProposedAfter ?? c.gradeBefore ?? undefined }}
            >
              <Typography.Paragraph type="secondary">
                {step === 'decide' ? t('changes.dialog.decideHint') : t('changes.dialog.reviewHint')}
              </Typography.Paragraph>
              {step === 'decide' && (
                <Space align="start" wrap>
                  <Form.Item name="grade" label={t('changes.dialog.grade')} style={{ minWidth: 200 }}>
                    <Select options={gradeOptions} />
                  </Form.Item>
                  {overridden && (
                    <Form.Item
                      name="overrideReason"
                      label={t('changes.dialog.overrideReason')}
                      rules={[{ required: true, message: t('changes.dialog.overrideRequired') }]}
                      style={{ minWidth: 360 }}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                  )}
                </Space>
              )}
              <Form.Item
                name="opinion"
                label={t('changes.dialog.opinion')}
                rules={[{ required: true, whitespace: true, message: t('changes.dialog.opinionRequired') }]}
              >
                <Input.TextArea rows={2} maxLength={1000} data-testid="change-opinion" />
              </Form.Item>
            </Form>
          )}
        </div>
      )}
    </Modal>
  );
}
