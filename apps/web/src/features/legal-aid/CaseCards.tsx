import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Space, Tag, Timeline, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { download } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { usePermission } from '../auth';
import { Money } from '../money/ui';
import { useUploadEvidence } from './api';
import { useLegalCode } from './codes';
import type { LegalAidDetail } from './types';

/** An instant in the browser's time (Beijing for the users). */
export const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The case page's lower cards: mediation and agreement, the outcome, the evidence, the history. */
export function MediationCard({ a }: { a: LegalAidDetail }) {
  const { t } = useTranslation();
  const m = a.mediation;
  const g = a.agreement;
  return (
    <Card
      title={t('legalAid.detail.mediation')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="la-mediation-card"
    >
      {m ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} colon={false} styles={{ label: { width: 150 } }}>
          <Descriptions.Item label={t('legalAid.mediation.worker')}>{a.person.name}</Descriptions.Item>
          <Descriptions.Item label={t('legalAid.mediation.employer')}>
            {m.employer}
            {m.employerRep ? `（${m.employerRep}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('legalAid.mediation.mediator')}>{m.mediator}</Descriptions.Item>
          <Descriptions.Item label={t('legalAid.mediation.otherParties')}>{m.otherParties ?? '—'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('legalAid.detail.noMediation')}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('legalAid.detail.agreement')}
      </Typography.Title>
      {g ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} colon={false} styles={{ label: { width: 110 } }}>
          <Descriptions.Item label={t('legalAid.agreement.signedOn')}>{g.signedOn}</Descriptions.Item>
          <Descriptions.Item label={t('legalAid.agreement.amountLabel')}>
            <Money fen={g.amountFen} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('legalAid.agreement.terms')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{g.terms}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{t('legalAid.detail.noAgreement')}</Typography.Text>
      )}
    </Card>
  );
}

export function ClosingCard({ a }: { a: LegalAidDetail }) {
  const { t } = useTranslation();
  const code = useLegalCode();
  const c = a.closing;
  if (!c) return null;
  return (
    <Card title={t('legalAid.detail.closing')} size="small" style={{ marginBottom: 16 }} data-testid="la-closing">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} colon={false} styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('legalAid.close.outcome')}>
          <Tag color="green">{code('outcome', c.outcome)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.col.recovered')}>
          <Money fen={c.recoveredFen} strong />
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.close.note')} span={2}>
          {c.note}
        </Descriptions.Item>
        <Descriptions.Item span={2} label=" ">
          <Typography.Text type="secondary">
            {t('legalAid.close.closedBy', { by: c.closedBy, on: c.closedOn })}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function EvidenceCard({ a }: { a: LegalAidDetail }) {
  const { t } = useTranslation();
  const can = usePermission();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const upload = useUploadEvidence(a.id);
  const open = ['pending', 'approved', 'assigned'].includes(a.status) && can('legalaid.write');
  return (
    <Card title={t('legalAid.detail.evidence')} size="small" style={{ marginBottom: 16 }}>
      {a.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('legalAid.detail.noEvidence')} />
      ) : (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {a.attachments.map((f) => (
            <Space key={f.id} size={6}>
              <PaperClipOutlined />
              {can('legalaid.write') ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() =>
                    download(`/legal-aid/${a.id}/attachments/${f.id}`, f.filename).catch((e) =>
                      message.error(errorText(e)),
                    )
                  }
                >
                  {f.filename}
                </Button>
              ) : (
                <span>{f.filename}</span>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.uploadedBy} {when(f.uploadedAt)}
              </Typography.Text>
            </Space>
          ))}
        </Space>
      )}
      {open && (
        <Upload
          showUploadList={false}
          accept=".jpg,.jpeg,.png,.pdf"
          customRequest={({ file }) =>
            upload
              .mutateAsync(file as File)
              .then((r) => message.success(t('legalAid.detail.uploaded', { name: r.filename })))
              .catch((e) => message.error(errorText(e)))
          }
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginTop: 12 }}>
            {t('legalAid.detail.upload')}
          </Button>
        </Upload>
      )}
    </Card>
  );
}

export function HistoryCard({ a }: { a: LegalAidDetail }) {
  const { t } = useTranslation();
  const code = useLegalCode();
  return (
    <Card title={t('legalAid.detail.history')} size="small">
      <Timeline
        items={[...a.history].reverse().map((h) => ({
          key: h.id,
          content: (
            <div style={{ lineHeight: 1.4 }}>
              <div>
                <strong>{code('action', h.action)}</strong> · {h.actor}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {when(h.at)}
              </Typography.Text>
              {h.note && <div style={{ fontSize: 13, color: '#555' }}>{h.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
