import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { attachmentKinds } from '@bangfu/contracts';
import { App, Button, Select, Space, Table, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { usePermission } from '../../auth';
import { useAttachments, useUploadAttachment } from '../api';
import { useCode, useCodeOptions } from '../codes';
import type { Attachment } from '../types';

const MAX = 10 * 1024 * 1024;
const size = (b: number) => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(b / 1024)} KB`);

/** 附件: scans and photos (JPG, PNG, PDF ≤ 10 MB); downloads need personal.reveal and are audited. */
export function AttachmentsTab({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const code = useCode();
  const options = useCodeOptions();
  const can = usePermission();
  const list = useAttachments(id);
  const upload = useUploadAttachment(id);
  const [kind, setKind] = useState<string>('application');

  const send = (file: File) => {
    if (file.size > MAX) {
      message.error(t('archive.attachments.tooLarge'));
      return;
    }
    upload.mutate(
      { file, kind },
      {
        onSuccess: (a) => message.success(t('archive.attachments.uploaded', { name: a.filename })),
        onError: (e) => message.error(errorText(e)),
      },
    );
  };
  const get = (a: Attachment) =>
    download(`/households/${id}/attachments/${a.id}`, a.filename).catch((e: unknown) => message.error(errorText(e)));

  return (
    <>
      {can('archive.write') && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>{t('archive.attachments.kind')}</Typography.Text>
          <Select
            value={kind}
            onChange={setKind}
            style={{ width: 160 }}
            options={options('attachmentKind', attachmentKinds)}
            aria-label={t('archive.attachments.kind')}
          />
          <Upload
            accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
            showUploadList={false}
            beforeUpload={(f) => {
              send(f);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('archive.attachments.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('archive.attachments.hint')}</Typography.Text>
        </Space>
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        data-testid="attachments-table"
        locale={{ emptyText: list.error ? errorText(list.error) : t('archive.attachments.none') }}
        pagination={false}
        columns={[
          {
            title: t('archive.attachments.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: string) => code('attachmentKind', k),
          },
          { title: t('archive.attachments.filename'), dataIndex: 'filename', ellipsis: true },
          { title: t('archive.attachments.size'), dataIndex: 'sizeBytes', width: 90, render: size },
          {
            title: t('archive.attachments.uploadedAt'),
            dataIndex: 'uploadedAt',
            width: 150,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, a) =>
              can('personal.reveal') ? (
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void get(a)}>
                  {t('archive.attachments.download')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('archive.attachments.noReveal')}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
