import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useErrorText } from '../../../lib/errors';
import { today } from '../../../lib/today';
import { usePermission } from '../../auth';
import { useCurrentUser } from '../../auth/api';
import { NodeBar, numberParam } from '../../money/ui';
import { type Shift, useCancelShift, useOnDuty, useShifts } from '../api';
import { beijingTime } from '../ui';
import { HandoverModal, ShiftModal } from './ShiftModals';

const DAYS = 14;
const plusDays = (d: string, n: number) => dayjs(d).add(n, 'day').format('YYYY-MM-DD');
/** '08:00–20:00', or '20:00–08:00 (+1)' across midnight (Beijing time). */
function span(s: Shift) {
  const a = beijingTime(s.startsAt);
  const b = beijingTime(s.endsAt);
  const plus = b.slice(0, 10) === a.slice(0, 10) ? '' : ` (+${dayjs(b.slice(0, 10)).diff(a.slice(0, 10), 'day')})`;
  return `${a.slice(11)}–${b.slice(11)}${plus}`;
}

/** 热线值班 (/duty?orgId): who is on duty now and the last handover, the roster by day, shifts and handovers. */
export default function DutyPage() {
  const { t } = useTranslation();
  const can = usePermission();
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const [orgId, setOrgId] = useState(() => numberParam('orgId') ?? me.orgId);
  const [from, setFrom] = useState(() => plusDays(today(), -1));
  const to = plusDays(from, DAYS - 1);
  const [adding, setAdding] = useState(false);
  const [handover, setHandover] = useState<Shift | null>(null);
  const now = useOnDuty(orgId);
  const shifts = useShifts(orgId, from, to);
  const cancel = useCancelShift();
  const at = now.data?.now ?? new Date().toISOString();
  const canWrite = can('servicedesk.write');

  const byDay = new Map<string, Shift[]>();
  for (const s of shifts.data?.items ?? []) {
    const d = beijingTime(s.startsAt).slice(0, 10);
    byDay.set(d, [...(byDay.get(d) ?? []), s]);
  }
  const days = Array.from({ length: DAYS }, (_, i) => plusDays(from, i)).filter((d) => byDay.has(d));

  const actions = (s: Shift) => (
    <Space size={4}>
      {canWrite && s.user.id === me.id && s.startsAt <= at && (
        <Button size="small" icon={<EditOutlined />} onClick={() => setHandover(s)}>
          {t('servicedesk.duty.writeHandover')}
        </Button>
      )}
      {canWrite && s.startsAt > at && (
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          onClick={() =>
            modal.confirm({
              title: t('servicedesk.duty.cancelConfirm', { name: s.user.name, time: beijingTime(s.startsAt) }),
              okText: t('servicedesk.duty.cancel'),
              okButtonProps: { danger: true },
              cancelText: t('common.cancel'),
              onOk: () =>
                cancel
                  .mutateAsync(s.id)
                  .then(() => message.success(t('servicedesk.duty.cancelled')))
                  .catch((e) => message.error(errorText(e))),
            })
          }
        >
          {t('servicedesk.duty.cancel')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={t('servicedesk.menu.duty')}
        subtitle={t('servicedesk.duty.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('servicedesk.duty.add')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <NodeBar id="duty-org" orgId={orgId} onChange={setOrgId} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('servicedesk.duty.now')} style={{ marginBottom: 16 }} data-testid="on-duty">
            {now.data?.onDuty.length ? (
              now.data.onDuty.map((s) => (
                <div key={s.id} style={{ marginBottom: 8 }}>
                  <Space wrap>
                    <Tag color="green">{t('servicedesk.duty.onDuty')}</Tag>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {s.user.name}
                    </Typography.Text>
                    <Typography.Text type="secondary">
                      {beijingTime(s.startsAt)} – {beijingTime(s.endsAt)}
                    </Typography.Text>
                  </Space>
                  {s.note && <div>{s.note}</div>}
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">{t('servicedesk.duty.nobody')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('servicedesk.duty.lastHandover')} style={{ marginBottom: 16 }}>
            {now.data?.lastHandover?.handoverNote ? (
              <>
                <Typography.Text type="secondary">
                  {now.data.lastHandover.user.name} · {beijingTime(now.data.lastHandover.handoverAt)}
                </Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="last-handover">
                  {now.data.lastHandover.handoverNote}
                </Typography.Paragraph>
              </>
            ) : (
              <Typography.Text type="secondary">{t('servicedesk.duty.noHandover')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('servicedesk.duty.roster')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('servicedesk.duty.days', { from, to })}</Typography.Text>
            <DatePicker
              aria-label={t('servicedesk.duty.from')}
              allowClear={false}
              value={dayjs(from)}
              onChange={(d: Dayjs | null) => d && setFrom(d.format('YYYY-MM-DD'))}
            />
          </Space>
        }
      >
        {days.length === 0 && !shifts.isLoading && <Empty description={t('servicedesk.duty.empty')} />}
        {days.map((d) => (
          <div key={d} style={{ marginBottom: 12 }} data-testid="duty-day">
            <Typography.Title level={5} style={{ margin: '4px 0 8px' }}>
              {d} {dayjs(d).format('ddd')}
            </Typography.Title>
            <Table<Shift>
              rowKey="id"
              size="small"
              pagination={false}
              tableLayout="fixed"
              dataSource={byDay.get(d)}
              columns={[
                {
                  title: t('servicedesk.duty.time'),
                  key: 'time',
                  width: 210,
                  render: (_, s) => (
                    <Space size={4}>
                      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{span(s)}</span>
                      {s.onDutyNow && <Tag color="green">{t('servicedesk.duty.onDuty')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('servicedesk.duty.person'), key: 'user', width: 120, render: (_, s) => s.user.name },
                {
                  title: t('servicedesk.duty.noteColumn'),
                  dataIndex: 'note',
                  width: 200,
                  render: (n: string | null) => n ?? '—',
                },
                {
                  title: t('servicedesk.duty.handover'),
                  dataIndex: 'handoverNote',
                  render: (n: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{n ?? '—'}</span>,
                },
                { title: t('common.actions'), key: 'actions', width: 200, render: (_, s) => actions(s) },
              ]}
            />
          </div>
        ))}
      </Card>
      {adding && <ShiftModal orgId={orgId} onClose={() => setAdding(false)} />}
      {handover && <HandoverModal shift={handover} onClose={() => setHandover(null)} />}
    </>
  );
}
