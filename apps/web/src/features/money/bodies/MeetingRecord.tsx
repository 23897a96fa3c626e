import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { useCurrentUser } from '../../auth';
import { bodiesApi, type Meeting, type SubjectType, useBodiesAction, useMeetings } from './api';

type Vote = Meeting['votes'][number];
const VOTE_COLOR: Record<string, string> = { approve: 'green', reject: 'red', abstain: 'default' };

/** Whether a ballot is the member's own (countersigned) or recorded by a fellow member and awaiting them. */
export function useSignatureText(): (v: Vote) => string {
  const { t } = useTranslation();
  return (v) =>
    v.countersignedAt
      ? t('money.meeting.selfSigned', { at: dayjs(v.countersignedAt).format('YYYY-MM-DD HH:mm') })
      : t('money.meeting.recordedBy', { name: v.recordedBy ?? '—' });
}

function OneMeeting({ m }: { m: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const signature = useSignatureText();
  const sign = useBodiesAction(() => bodiesApi.countersign(m.id));
  const mine = m.votes.find((v) => v.userId === me.id && !v.countersignedAt);
  return (
    <div style={{ marginBottom: 16 }} data-testid={`meeting-${m.id}`}>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('money.meeting.bodyLabel')}>{m.bodyName}</Descriptions.Item>
        <Descriptions.Item label={t('money.meeting.number')}>
          {m.number} · {m.heldOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('money.meeting.decision')}>
          <Tag color={m.decision === 'approve' ? 'green' : 'red'}>{t(`money.meeting.decisions.${m.decision}`)}</Tag>
          {t('money.meeting.counts', { roster: m.rosterCount, present: m.presentCount, approve: m.approveCount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('money.meeting.absent')}>
          {m.absent.length
            ? m.absent.map((a) => (a.excused ? `${a.name}（${t('money.meeting.excused')}）` : a.name)).join('、')
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table<Vote>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.votes}
        data-testid="meeting-votes"
        columns={[
          { title: t('money.bodies.member'), dataIndex: 'name', width: 120 },
          {
            title: t('money.bodies.role'),
            dataIndex: 'role',
            width: 100,
            render: (r: string) => t(`money.bodies.roles.${r}`),
          },
          {
            title: t('money.meeting.vote'),
            dataIndex: 'vote',
            width: 90,
            render: (v: string) => <Tag color={VOTE_COLOR[v]}>{t(`money.meeting.ballots.${v}`)}</Tag>,
          },
          { title: t('money.meeting.opinion'), dataIndex: 'opinion', render: (v: string | null) => v ?? '' },
          {
            title: t('money.meeting.signature'),
            key: 'signature',
            width: 230,
            render: (_: unknown, v) => (
              <Typography.Text type={v.countersignedAt ? undefined : 'warning'}>{signature(v)}</Typography.Text>
            ),
          },
        ]}
      />
      {mine && (
        <Button
          style={{ marginTop: 8 }}
          type="primary"
          loading={sign.isPending}
          onClick={() =>
            sign.mutateAsync(undefined).then(
              () => message.success(t('money.meeting.countersigned')),
              (e: unknown) => message.error(errorText(e)),
            )
          }
        >
          {t('money.meeting.countersign')}
        </Button>
      )}
    </div>
  );
}

/**
 * 会议决定记录: the meetings that decided a subject — body, number, date, the count against the quorum, who was
 * absent or stood aside, each vote and whether its member countersigned it — and the print view's link.
 */
export function MeetingRecord({ type, id, printPath }: { type: SubjectType; id: number; printPath?: string }) {
  const { t } = useTranslation();
  const q = useMeetings(type, id);
  const items = q.data?.items ?? [];
  return (
    <div data-testid="meeting-record">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('money.meeting.noRecord')} />
      ) : (
        items.map((m) => <OneMeeting key={m.id} m={m} />)
      )}
      {printPath && (
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => navigate(printPath)}>
            {t('money.meeting.print')}
          </Button>
        </Space>
      )}
    </div>
  );
}
