import { Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { yuan } from '../../money/money';
import { actionColor, useDeskCode } from '../codes';
import type { OrderAction } from '../types';
import { beijingTime } from '../ui';

/** 办理过程: every step of the order — who, when, what, to whom — oldest first. */
export function OrderTimeline({ actions }: { actions: OrderAction[] }) {
  const { t } = useTranslation();
  const code = useDeskCode();
  const details = (a: OrderAction): string[] => {
    const d = (a.data ?? {}) as Record<string, unknown>;
    const out: string[] = [];
    if (a.action === 'register' && typeof d.dueOn === 'string')
      out.push(t('servicedesk.order.timeline.dueOn', { date: d.dueOn }));
    if (a.action === 'register' && d.repeatOf) out.push(t('servicedesk.order.timeline.repeat'));
    if (a.action === 'transfer_out') {
      if (typeof d.outsideName === 'string') out.push(d.outsideName);
      if (typeof d.reference === 'string') out.push(t('servicedesk.order.timeline.reference', { ref: d.reference }));
    }
    if (a.action === 'supervise' && typeof d.dueOn === 'string')
      out.push(t('servicedesk.order.timeline.reportBy', { date: d.dueOn }));
    if (a.action === 'extension_request' && typeof d.workingDays === 'number')
      out.push(t('servicedesk.order.timeline.days', { count: d.workingDays }));
    if (a.action === 'extension_decision')
      out.push(
        d.approve
          ? t('servicedesk.order.timeline.approved', { from: d.from, to: d.to })
          : t('servicedesk.order.timeline.refused'),
      );
    if (a.action === 'close') {
      out.push(code('replyMethod', d.replyMethod as string), code('result', d.result as string));
      if (typeof d.wagesRecoveredFen === 'number' && d.wagesRecoveredFen > 0)
        out.push(t('servicedesk.order.timeline.wages', { amount: yuan(d.wagesRecoveredFen) }));
      out.push(d.onTime ? t('servicedesk.order.timeline.onTime') : t('servicedesk.order.timeline.late'));
    }
    if (a.action === 'callback' && typeof d.satisfaction === 'string') out.push(code('satisfaction', d.satisfaction));
    if (a.action === 'reopen' && typeof d.dueOn === 'string')
      out.push(t('servicedesk.order.timeline.dueOn', { date: d.dueOn }));
    return out;
  };
  const whom = (a: OrderAction) => {
    if (a.action === 'register' || a.action === 'accept') return null;
    const name = a.toOrg?.name ?? a.toUser?.name;
    return name ? t('servicedesk.order.timeline.to', { name }) : null;
  };
  return (
    <Timeline
      data-testid="order-timeline"
      items={actions.map((a) => ({
        key: a.id,
        color: actionColor[a.action] ?? 'gray',
        content: (
          <div data-testid="timeline-item" data-action={a.action}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {beijingTime(a.at)}
            </Typography.Text>
            <br />
            <Space wrap size={[6, 2]}>
              <Typography.Text strong>{code('action', a.action)}</Typography.Text>
              {whom(a) && <Typography.Text>{whom(a)}</Typography.Text>}
              <Typography.Text type="secondary">
                {t('servicedesk.order.timeline.by', { actor: a.actor, org: a.actorOrg })}
              </Typography.Text>
            </Space>
            {details(a).length > 0 && (
              <div>
                {details(a).map((x) => (
                  <Tag key={x} style={{ marginTop: 4 }}>
                    {x}
                  </Tag>
                ))}
              </div>
            )}
            {a.note && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {a.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
