import { App, Button, Empty, Input, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { usePermission } from '../../auth/api';
import { type Approval, type Batch, batchApi, useBatchAction } from '../api';
import { DecisionDialog } from '../bodies/DecisionDialog';
import { yuan } from '../money';

const COLOR: Record<string, string> = {
  submit: 'blue',
  approve: 'green',
  reject: 'red',
  comment: 'gray',
  refuse_payment: 'orange',
};

/** The label of an approval level (the approval chain's ids), else the id. */
export function useLevelLabel(): (level: string | null | undefined) => string {
  const { t } = useTranslation();
  return (level) => (level ? t(`money.level.${level}`, { defaultValue: level }) : '—');
}

/**
 * 审批记录: submissions, decisions and comments, oldest first. Those who take part in the batch (proposers,
 * approvers, finance) may comment; read-only roles only read (the server refuses them).
 */
export function ApprovalHistory({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const level = useLevelLabel();
  const [text, setText] = useState('');
  const comment = useBatchAction((c: string) => batchApi.comment(batch.id, c));
  const items = batch.approvals ?? [];
  const can = usePermission();
  const mayComment = ['assistance.propose', 'payment.approve', 'fund.write'].some(can);
  return (
    <div data-testid="approval-history">
      {items.length ? (
        <Timeline
          style={{ marginTop: 8 }}
          items={items.map((a: Approval, i) => ({
            key: `${a.at}-${i}`,
            color: COLOR[a.decision] ?? 'gray',
            title: dayjs(a.at).format('YYYY-MM-DD HH:mm'),
            content: (
              <Space orientation="vertical" size={0}>
                <span>
                  <Tag color={COLOR[a.decision]}>{t(`money.decision.${a.decision}`, { defaultValue: a.decision })}</Tag>
                  {a.by ?? '—'}
                  {a.level && a.decision !== 'comment' && (
                    <Typography.Text type="secondary"> · {level(a.level)}</Typography.Text>
                  )}
                </span>
                {a.comment && <Typography.Text>{a.comment}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('money.approvals.noHistory')} />
      )}
      {mayComment && (
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Input
            value={text}
            maxLength={1000}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('money.approvals.commentPlaceholder')}
            aria-label={t('money.approvals.comment')}
          />
          <Button
            loading={comment.isPending}
            disabled={!text.trim()}
            onClick={() =>
              comment.mutateAsync(text.trim()).then(
                () => {
                  setText('');
                  message.success(t('money.approvals.commented'));
                },
                (e: unknown) => message.error(errorText(e)),
              )
            }
          >
            {t('money.approvals.comment')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}

export type DecisionTarget = { batch: Batch; decision: 'approve' | 'reject' } | null;

/** 批准 / 退回 a batch with an opinion (a rejection needs one), by the rule its level calls for (bodies/DecisionDialog). */
export function DecisionModal({ target, onClose }: { target: DecisionTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const level = useLevelLabel();
  const batch = target?.batch;
  return (
    <DecisionDialog
      title={target?.decision === 'approve' ? t('money.approvals.approveTitle') : t('money.approvals.rejectTitle')}
      onClose={onClose}
      target={
        target && batch
          ? {
              type: 'batch',
              id: batch.id,
              decision: target.decision,
              summary: (
                <>
                  {batch.title}（{batch.batchNo}）：
                  {t('money.approvals.summary', { count: batch.grantCount, amount: yuan(batch.totalFen) })}
                  <br />
                  <Typography.Text type="secondary">
                    {t('money.approvals.level', { level: level(batch.requiredLevel) })}
                  </Typography.Text>
                </>
              ),
            }
          : null
      }
    />
  );
}
