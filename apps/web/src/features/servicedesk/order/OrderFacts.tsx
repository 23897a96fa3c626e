import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, type DescriptionsProps, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { usePermission } from '../../auth';
import { Money } from '../../money/ui';
import { revealPerson, type WorkOrderDetail } from '../api';
import { useDeskCode } from '../codes';
import { beijingTime, CategoryTags, DueDate, PersonName } from '../ui';

/** 工单信息: channel, time, categories, content, urgency and type, collective visit, node, owner, deadline. */
export function OrderFacts({ o }: { o: WorkOrderDetail }) {
  const { t } = useTranslation();
  const code = useDeskCode();
  const items: DescriptionsProps['items'] = [
    { key: 'channel', label: t('servicedesk.field.channel'), children: code('channel', o.channel) },
    { key: 'received', label: t('servicedesk.field.receivedAt'), children: beijingTime(o.receivedAt) },
    {
      key: 'categories',
      label: t('servicedesk.field.categories'),
      children: <CategoryTags categories={o.categories} />,
    },
    {
      key: 'urgency',
      label: `${t('servicedesk.field.urgency')} / ${t('servicedesk.field.difficulty')}`,
      children: (
        <Space size={4}>
          <Tag color={o.urgency === 'urgent' ? 'red' : 'default'}>{code('urgency', o.urgency)}</Tag>
          <Tag>{code('difficulty', o.difficulty)}</Tag>
        </Space>
      ),
    },
    {
      key: 'content',
      label: t('servicedesk.field.content'),
      span: 'filled',
      children: (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="order-content">
          {o.content}
        </Typography.Paragraph>
      ),
    },
    ...(o.collective
      ? [
          {
            key: 'collective',
            label: t('servicedesk.field.collective'),
            span: 'filled' as const,
            children: (
              <Space wrap>
                <Tag color="volcano">
                  {t('servicedesk.field.headCount')} {o.headCount}
                </Tag>
                {o.representatives && (
                  <span>
                    {t('servicedesk.field.representatives')}
                    {t('servicedesk.colon')}
                    {o.representatives}
                  </span>
                )}
              </Space>
            ),
          },
        ]
      : []),
    { key: 'node', label: t('servicedesk.field.node'), children: o.org.name },
    { key: 'owner', label: t('servicedesk.field.owner'), children: o.owner?.name ?? '—' },
    {
      key: 'due',
      label: t('servicedesk.field.dueOn'),
      children: (
        <Space size={4} wrap>
          <DueDate o={o} />
          <Typography.Text type="secondary">
            {o.urgency === 'urgent' ? t('servicedesk.due.urgent') : t('servicedesk.due.days', { count: o.dueDays })}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'registeredBy', label: t('servicedesk.order.registeredBy'), children: o.registeredBy },
    ...(o.sentBy ? [{ key: 'sentBy', label: t('servicedesk.order.sentBy'), children: o.sentBy }] : []),
    ...(o.repeatOf !== null
      ? [
          {
            key: 'repeat',
            label: t('servicedesk.order.repeatOf'),
            children: <Link to={`/work-orders/${o.repeatOf}`}>#{o.repeatOf}</Link>,
          },
        ]
      : []),
    ...(o.reopenCount > 0
      ? [{ key: 'reopen', label: '', children: t('servicedesk.order.reopened', { count: o.reopenCount }) }]
      : []),
  ];
  return (
    <Card title={t('servicedesk.order.facts')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={2} items={items} data-testid="order-facts" />
    </Card>
  );
}

/** The person, or 保密; the reveal (full ID and phone) is audited by the server. */
export function PersonCard({ o }: { o: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const errorText = useErrorText();
  const can = usePermission();
  const [busy, setBusy] = useState(false);
  const p = o.person;
  const reveal = async () => {
    setBusy(true);
    try {
      const r = await revealPerson(o.id);
      modal.info({
        title: t('servicedesk.order.revealTitle'),
        content: (
          <Space orientation="vertical" data-testid="revealed">
            <span>
              {t('servicedesk.field.name')}
              {t('servicedesk.colon')}
              {r.name ?? '—'}
            </span>
            <span>
              {t('servicedesk.field.idNumber')}
              {t('servicedesk.colon')}
              <Typography.Text copyable>{r.idNumber ?? '—'}</Typography.Text>
            </span>
            <span>
              {t('servicedesk.field.phone')}
              {t('servicedesk.colon')}
              <Typography.Text copyable>{r.phone ?? '—'}</Typography.Text>
            </span>
            <Typography.Text type="secondary">{t('servicedesk.order.revealHint')}</Typography.Text>
          </Space>
        ),
      });
    } catch (e) {
      modal.error({ title: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('servicedesk.field.name'), children: <PersonName person={p} /> },
    { key: 'phone', label: t('servicedesk.field.phone'), children: p.phoneMasked ?? '—' },
    { key: 'id', label: t('servicedesk.field.idNumber'), children: p.idMasked ?? '—' },
    { key: 'employer', label: t('servicedesk.field.employer'), children: p.employer ?? '—' },
    ...(o.household
      ? [
          {
            key: 'household',
            label: t('servicedesk.order.household'),
            children: can('archive.read') ? (
              <Link to={`/archive/${o.household.id}`}>
                {o.household.name}（{o.household.fileNo}）
              </Link>
            ) : (
              `${o.household.name}（${o.household.fileNo}）`
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="person-card"
      title={
        <Space>
          {t('servicedesk.order.person')}
          {p.confidential && (
            <Tag icon={<LockOutlined />} color="red">
              {t('servicedesk.order.confidentialTag')}
            </Tag>
          )}
        </Space>
      }
      extra={
        o.may.reveal && (
          <Button size="small" icon={<EyeOutlined />} loading={busy} onClick={reveal}>
            {t('servicedesk.order.reveal')}
          </Button>
        )
      }
    >
      {p.hidden && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('servicedesk.order.hiddenHint')} />
      )}
      <Descriptions size="small" column={2} items={items} />
    </Card>
  );
}

/** 办理情况: referral, return reason, extension, supervisions and their reports, the reply, the callback. */
export function HandlingCard({ o, onReport }: { o: WorkOrderDetail; onReport: (supervisionId: number) => void }) {
  const { t } = useTranslation();
  const code = useDeskCode();
  const items: DescriptionsProps['items'] = [];
  if (o.returnReason)
    items.push({ key: 'return', label: t('servicedesk.order.returnReason'), children: o.returnReason });
  if (o.outside)
    items.push({
      key: 'outside',
      label: t('servicedesk.order.outside'),
      children: `${o.outside.name ?? code('outsideBody', o.outside.body)} · ${t('servicedesk.order.reference')} ${o.outside.reference ?? '—'}`,
    });
  if (o.extension)
    items.push({
      key: 'extension',
      label: t('servicedesk.order.extension'),
      children: (
        <Space wrap size={4}>
          <Tag color={o.extension.status === 'approved' ? 'green' : o.extension.status === 'refused' ? 'red' : 'gold'}>
            {t(`servicedesk.order.extensionState.${o.extension.status}`)}
          </Tag>
          {t('servicedesk.order.extensionLine', {
            days: o.extension.workingDays,
            reason: o.extension.reason,
            by: o.extension.requestedBy,
          })}
          {o.extension.decidedBy && (
            <Typography.Text type="secondary">
              {o.extension.decidedBy} {o.extension.note ?? ''}
            </Typography.Text>
          )}
        </Space>
      ),
    });
  for (const s of o.supervisions)
    items.push({
      key: `s${s.id}`,
      label: t('servicedesk.order.supervisions'),
      span: 'filled',
      children: (
        <div data-testid="supervision">
          <div>
            {t('servicedesk.order.supervisionLine', { org: s.supervisor.name, due: s.dueOn, demand: s.demand })}
          </div>
          {s.reportedAt ? (
            <Typography.Text type="success">
              {t('servicedesk.order.reported', { by: s.reportedBy, at: beijingTime(s.reportedAt), report: s.report })}
            </Typography.Text>
          ) : (
            <Space size={8}>
              <Tag color={s.overdue ? 'red' : 'gold'}>
                {s.overdue ? t('servicedesk.order.reportOverdue') : t('servicedesk.order.notReported')}
              </Tag>
              {o.may.report.includes(s.id) && (
                <Button size="small" onClick={() => onReport(s.id)}>
                  {t('servicedesk.order.step.report')}
                </Button>
              )}
            </Space>
          )}
        </div>
      ),
    });
  if (o.reply)
    items.push({
      key: 'reply',
      label: t('servicedesk.order.reply'),
      span: 'filled',
      children: (
        <div data-testid="order-reply">
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.reply.text}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('servicedesk.order.replyLine', {
              method: code('replyMethod', o.reply.method),
              result: code('result', o.reply.result),
              by: o.reply.closedBy,
              at: beijingTime(o.reply.closedAt),
            })}
          </Typography.Text>
        </div>
      ),
    });
  if (o.reply || o.wagesRecoveredFen > 0)
    items.push({
      key: 'wages',
      label: t('servicedesk.order.wagesRecovered'),
      children: <Money fen={o.wagesRecoveredFen} testId="wages-recovered" strong />,
    });
  if (o.callback)
    items.push({
      key: 'callback',
      label: t('servicedesk.order.callback'),
      children: (
        <Space wrap size={4} data-testid="order-callback">
          <Tag color={o.callback.satisfaction === 'unsatisfied' ? 'red' : 'green'}>
            {code('satisfaction', o.callback.satisfaction)}
          </Tag>
          <Typography.Text type="secondary">
            {o.callback.by} {beijingTime(o.callback.at)}
          </Typography.Text>
          {o.callback.note && <span>{o.callback.note}</span>}
        </Space>
      ),
    });
  if (items.length === 0) return null;
  return (
    <Card title={t('servicedesk.order.handling')} size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}
