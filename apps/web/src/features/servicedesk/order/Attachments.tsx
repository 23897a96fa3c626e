import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { download } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { useUpload, type WorkOrderDetail } from '../api';
import { beijingTime } from '../ui';

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** Letters, scans and photos of the order; reading one is audited (and refused to those who may not see the person). */
export function Attachments({ o }: { o: WorkOrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const upload = useUpload(o.id);
  return (
    <Card
      size="small"
      title={t('servicedesk.order.attachments')}
      style={{ marginBottom: 16 }}
      extra={
        o.may.attach && (
          <Upload
            accept=".jpg,.jpeg,.png,.pdf"
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              upload
                .mutateAsync(file as File)
                .then((r) => {
                  message.success(t('servicedesk.order.uploaded', { name: r.filename }));
                  onSuccess?.(r);
                })
                .catch((e) => {
                  message.error(errorText(e));
                  onError?.(e);
                });
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('servicedesk.order.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {o.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('servicedesk.order.noAttachments')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={o.attachments}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <PaperClipOutlined style={{ marginRight: 8 }} />
              {o.may.download ? (
                <Typography.Link
                  onClick={() =>
                    download(`/work-orders/${o.id}/attachments/${a.id}`, a.filename).catch((e) =>
                      message.error(errorText(e)),
                    )
                  }
                >
                  {a.filename}
                </Typography.Link>
              ) : (
                <span>{a.filename}</span>
              )}
              <Typography.Text type="secondary" style={{ marginLeft: 'auto', fontSize: 12 }}>
                {kb(a.sizeBytes)} · {a.uploadedBy} · {beijingTime(a.uploadedAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
