import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { Org, OrgImportResult } from '@bangfu/contracts';
import { Alert, Button, Checkbox, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickBilingual, useLang } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { useImportOrgs } from './api';

interface RowError {
  row: number;
  column: string;
  message: string;
}

const TEMPLATE =
  '\uFEFF单位名称,类型,行政区划代码,上级单位\r\n示例区总工会,县区工会,110105,\r\n示例街道工会,乡镇街道工会,,示例区总工会\r\n';

function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = '组织机构导入模板.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function rowErrors(e: unknown): RowError[] {
  if (!isApiError(e, 'ORG_IMPORT_INVALID')) return [];
  const errors = (e.details as { errors?: unknown } | null)?.errors;
  return Array.isArray(errors) ? (errors as RowError[]) : [];
}

/** 导入: .xlsx or .csv (单位名称 | 类型 | 行政区划代码 | 上级单位); all rows or none, errors listed per row. */
export function ImportOrgsModal({
  parent,
  open,
  onClose,
  onImported,
}: {
  parent: Org | null;
  open: boolean;
  onClose: () => void;
  onImported: (parent: Org) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lang = useLang();
  const imp = useImportOrgs();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [result, setResult] = useState<(OrgImportResult & { dryRun: boolean }) | null>(null);

  const close = () => {
    setFile(null);
    setResult(null);
    imp.reset();
    onClose();
  };
  const start = () => {
    if (!file || !parent) return;
    setResult(null);
    imp.mutate(
      { file, parentId: parent.id, dryRun },
      {
        onSuccess: (r) => {
          setResult({ ...r, dryRun });
          if (!dryRun) {
            setFile(null);
            onImported(parent);
          }
        },
      },
    );
  };
  const errors = rowErrors(imp.error);

  return (
    <Modal
      open={open}
      width={720}
      title={t('orgs.import.title')}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          {t('common.close')}
        </Button>,
        <Button key="go" type="primary" disabled={!file} loading={imp.isPending} onClick={start}>
          {dryRun ? t('orgs.import.check') : t('orgs.import.start')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph style={{ margin: '12px 0 0' }}>
          {t('orgs.import.intro', { parent: parent?.name ?? '' })}
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={downloadTemplate}>
            {t('orgs.import.template')}
          </Button>
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            imp.reset();
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          data-testid="org-import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('orgs.import.drop')}</p>
          <p className="ant-upload-hint">{t('orgs.import.columns')}</p>
        </Upload.Dragger>
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          {t('orgs.import.dryRun')}
        </Checkbox>
        {result && (
          <Alert
            type="success"
            showIcon
            data-testid="org-import-success"
            title={
              result.dryRun
                ? t('orgs.import.checked', { count: result.created })
                : t('orgs.import.done', { count: result.created })
            }
          />
        )}
        {imp.error && (
          <Alert
            type="error"
            showIcon
            title={errorText(imp.error)}
            description={errors.length ? t('orgs.import.errorCount', { count: errors.length }) : undefined}
          />
        )}
        {errors.length > 0 && (
          <Table<RowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={errors}
            pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
            data-testid="org-import-errors"
            columns={[
              { title: t('orgs.import.row'), dataIndex: 'row', width: 80 },
              { title: t('orgs.import.column'), dataIndex: 'column', width: 140 },
              { title: t('orgs.import.problem'), dataIndex: 'message', render: (m: string) => pickBilingual(m, lang) },
            ]}
          />
        )}
      </Space>
    </Modal>
  );
}
