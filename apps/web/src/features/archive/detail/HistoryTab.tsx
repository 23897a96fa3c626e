import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Modal, Spin, Table, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { usePermission } from '../../auth';
import { fetchVersion, useHistory } from '../api';
import { useCode } from '../codes';
import type { FileEvent, FileVersion, FileVersionRow } from '../types';

const at = (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm');

/** What a step recorded besides its note: the home visit, who objected, the grade decided, the review method. */
function EventData({ e }: { e: FileEvent }) {
  const { t } = useTranslation();
  const code = useCode();
  const d = e.data ?? {};
  const visit = d.visit as { visitedOn?: string; visitors?: string; findings?: string } | undefined;
  const rows: [string, string][] = [];
  if (visit) {
    rows.push([t('archive.step.visitedOn'), visit.visitedOn ?? '']);
    rows.push([t('archive.step.visitors'), visit.visitors ?? '']);
    rows.push([t('archive.step.findings'), visit.findings ?? '']);
  }
  if (typeof d.raisedBy === 'string') rows.push([t('archive.step.raisedBy'), d.raisedBy]);
  if (typeof d.grade === 'string') rows.push([t('archive.field.grade'), code('grade', d.grade)]);
  if (typeof d.overrideReason === 'string') rows.push([t('archive.step.overrideReason'), d.overrideReason]);
  if (typeof d.method === 'string') rows.push([t('archive.step.method'), code('reviewMethod', d.method)]);
  if (typeof d.reviewedOn === 'string') rows.push([t('archive.step.reviewedOn'), d.reviewedOn]);
  if (typeof d.outcome === 'string')
    rows.push([t('review.outcome'), t(`review.codes.outcome.${d.outcome}`, { defaultValue: d.outcome })]);
  if (typeof d.result === 'string')
    rows.push([t('review.result'), t(`review.codes.spot.${d.result}`, { defaultValue: d.result })]);
  if (typeof d.cause === 'string') rows.push([t('archive.step.cancelCause'), code('cancelCause', d.cause)]);
  if (typeof d.fromOrg === 'string') rows.push([t('archive.step.transfer'), `${d.fromOrg} → ${String(d.toOrg ?? '')}`]);
  if (!rows.length) return null;
  return (
    <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
      {rows.map(([k, v]) => (
        <Descriptions.Item key={k} label={k}>
          {v}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function VersionModal({ version, onClose }: { version: FileVersion | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!version}
      width={820}
      title={version ? t('archive.history.versionTitle', { version: version.version }) : ''}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      {version && (
        <>
          <Typography.Paragraph type="secondary">
            {t('archive.history.versionMeta', {
              at: at(version.at),
              actor: version.actorName ?? '—',
              reason: t(`archive.history.reason.${version.reason}`, { defaultValue: version.reason ?? '' }),
            })}
          </Typography.Paragraph>
          <pre className="json-block">{JSON.stringify(version.content, null, 2)}</pre>
        </>
      )}
    </Modal>
  );
}

/** 历史: every step (who, when, what was seen) and every version of the content. */
export function HistoryTab({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const code = useCode();
  const can = usePermission();
  const history = useHistory(id);
  const [loading, setLoading] = useState<number | null>(null);
  const [open, setOpen] = useState<FileVersion | null>(null);
  if (history.isPending) return <Spin />;
  if (history.error) return <Empty description={errorText(history.error)} />;
  const view = async (v: FileVersionRow) => {
    setLoading(v.version);
    try {
      setOpen(await fetchVersion(id, v.version));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setLoading(null);
    }
  };
  return (
    <>
      <Card size="small" title={t('archive.history.events')} style={{ marginBottom: 16 }}>
        <Timeline
          data-testid="history-events"
          items={history.data.events.map((e) => ({
            key: `${e.at}-${e.action}`,
            children: (
              <div>
                <Typography.Text strong>{t(`archive.event.${e.action}`, { defaultValue: e.action })}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {at(e.at)} · {e.actorName ?? t('audit.system')}
                  {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus
                    ? ` · ${code('status', e.fromStatus)} → ${code('status', e.toStatus)}`
                    : ''}
                </Typography.Text>
                {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
                <EventData e={e} />
              </div>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('archive.history.versions')}>
        <Table<FileVersionRow>
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={history.data.versions}
          columns={[
            { title: t('archive.history.version'), dataIndex: 'version', width: 80 },
            { title: t('archive.history.at'), dataIndex: 'at', width: 160, render: at },
            { title: t('archive.history.actor'), dataIndex: 'actorName', width: 120 },
            {
              title: t('archive.field.status'),
              dataIndex: 'status',
              width: 120,
              render: (s: string) => code('status', s),
            },
            {
              title: t('archive.history.reasonTitle'),
              dataIndex: 'reason',
              render: (r: string | null) => t(`archive.history.reason.${r}`, { defaultValue: r ?? '—' }),
            },
            ...(can('personal.reveal')
              ? [
                  {
                    title: t('common.actions'),
                    key: 'view',
                    width: 110,
                    render: (_: unknown, v: FileVersionRow) => (
                      <Button
                        size="small"
                        type="link"
                        icon={<EyeOutlined />}
                        loading={loading === v.version}
                        onClick={() => void view(v)}
                      >
                        {t('archive.history.view')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('archive.history.auditedHint')}
        </Typography.Text>
      </Card>
      <VersionModal version={open} onClose={() => setOpen(null)} />
    </>
  );
}
