import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Progress,
  Row,
  Space,
  Statistic,
  Steps,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../../components/OrgSelect';
import { PageHeader } from '../../../components/PageHeader';
import { download } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { usePermission } from '../../auth';
import { useCurrentUser } from '../../auth/api';
import { useCommitImport, useImportAction, useImportBatch, useStageImport } from './api';
import { ImportReport } from './ImportReport';

const initialId = () => {
  const v = Number(new URLSearchParams(window.location.search).get('id'));
  return Number.isInteger(v) && v > 0 ? v : null;
};

function Upload1({ onStaged }: { onStaged: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState<number | undefined>(me.orgId);
  const [file, setFile] = useState<File | null>(null);
  const stage = useStageImport();
  // The empty template: the columns the import reads, and a sheet of the values each coded column accepts.
  const template = () =>
    download('/households/import-template.xlsx', '困难职工档案导入模板.xlsx').catch((e: unknown) =>
      message.error(errorText(e)),
    );
  const start = () => {
    if (!file || !orgId) return;
    stage.mutate({ file, orgId }, { onSuccess: (r) => onStaged(r.id) });
  };
  return (
    <Form layout="vertical" name="archiveImport" style={{ maxWidth: 640 }}>
      <Form.Item label={t('import.org')} required extra={t('import.orgHint')}>
        <OrgSelect value={orgId} onChange={setOrgId} data-testid="import-org" />
      </Form.Item>
      <Form.Item label={t('import.file')} required>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('import.drop')}</p>
          <Typography.Text type="secondary">{t('import.columns')}</Typography.Text>
        </Upload.Dragger>
      </Form.Item>
      {stage.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(stage.error)} />}
      <Space>
        <Button type="primary" disabled={!file || !orgId} loading={stage.isPending} onClick={start}>
          {t('import.start')}
        </Button>
        <Button type="link" icon={<DownloadOutlined />} onClick={() => void template()}>
          {t('import.template')}
        </Button>
      </Space>
    </Form>
  );
}

/** 档案导入: upload → validation with a per-row report → decisions → commit, with progress. */
export default function ImportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const can = usePermission();
  const [id, setId] = useState<number | null>(initialId);
  const [asFiled, setAsFiled] = useState(false);
  const batch = useImportBatch(id);
  const commit = useCommitImport(id ?? 0);
  const action = useImportAction(id ?? 0);
  const me = useCurrentUser();
  const b = batch.data;
  // A second person approves an import as 在档: not who uploaded it nor who asked for it (the server checks too).
  const mayApprove =
    !!b && can('archive.approve') && me.id !== b.createdBy && me.id !== b.commitRequestedBy && me.orgId !== b.orgId;
  const restart = () => {
    setId(null);
    commit.reset();
    action.reset();
    navigate('/archive-import', { replace: true });
  };
  const staged = (newId: number) => {
    setId(newId);
    navigate(`/archive-import?id=${newId}`, { replace: true });
  };
  const current = !b ? 0 : b.status === 'validating' ? 1 : b.status === 'ready' ? 2 : 3;
  const act = (a: 'approve' | 'resume' | 'cancel') => action.mutate(a);
  const committing = b?.status === 'committing' || b?.status === 'committed';
  const toCommit = b ? b.valid : 0;
  const percent = !b
    ? 0
    : committing
      ? Math.min(100, Math.round((b.committed / Math.max(1, toCommit)) * 100))
      : Math.round((b.processed / Math.max(1, b.total)) * 100);

  return (
    <>
      <PageHeader
        title={t('menu.archiveImport')}
        subtitle={t('import.subtitle')}
        extra={
          id && (
            <Button icon={<ReloadOutlined />} onClick={restart}>
              {t('import.again')}
            </Button>
          )
        }
      />
      <Card>
        <Steps
          current={current}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('import.step.upload') },
            { title: t('import.step.validate') },
            { title: t('import.step.review') },
            { title: t('import.step.commit') },
          ]}
        />
        {!id && <Upload1 onStaged={staged} />}
        {id && batch.error && <Alert type="error" showIcon title={errorText(batch.error)} />}
        {b && (
          <>
            <Typography.Paragraph>{t('import.batch', { name: b.filename, id: b.id })}</Typography.Paragraph>
            <Progress
              percent={b.status === 'committed' ? 100 : percent}
              status={
                b.status === 'failed' || b.status === 'cancelled' || b.interrupted
                  ? 'exception'
                  : b.status === 'committed' || b.status === 'ready'
                    ? 'success'
                    : 'active'
              }
              data-testid="import-progress"
            />
            <Typography.Text type="secondary" data-testid="import-progress-text">
              {t(`import.status.${b.status}`, {
                processed: b.processed,
                total: b.total,
                committed: b.committed,
                toCommit,
              })}
            </Typography.Text>
            {b.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={b.error} />}
            <Row gutter={16} style={{ margin: '16px 0' }} data-testid="import-counts">
              <Col span={4}>
                <Statistic title={t('import.count.total')} value={b.total} />
              </Col>
              <Col span={4}>
                <Statistic title={t('import.count.valid')} value={b.valid} valueStyle={{ color: '#389e0d' }} />
              </Col>
              <Col span={4}>
                <Statistic title={t('import.count.invalid')} value={b.invalid} valueStyle={{ color: '#cf1322' }} />
              </Col>
              <Col span={4}>
                <Statistic title={t('import.count.suspected')} value={b.suspected} valueStyle={{ color: '#d48806' }} />
              </Col>
              <Col span={4}>
                <Statistic title={t('import.count.committed')} value={b.committed} />
              </Col>
            </Row>
            {b.status === 'ready' && (
              <Alert
                type={b.invalid ? 'warning' : 'success'}
                showIcon
                style={{ marginBottom: 16 }}
                title={t('import.readyTitle', { valid: b.valid, invalid: b.invalid, suspected: b.suspected })}
                description={t('import.readyHint')}
                action={
                  <Space direction="vertical" align="end">
                    <Button
                      type="primary"
                      loading={commit.isPending}
                      onClick={() => commit.mutate(asFiled)}
                      data-testid="import-commit"
                    >
                      {t('import.commit')}
                    </Button>
                    {can('archive.write') && (
                      <Checkbox checked={asFiled} onChange={(e) => setAsFiled(e.target.checked)}>
                        {t('import.asFiled')}
                      </Checkbox>
                    )}
                  </Space>
                }
              />
            )}
            {b.interrupted && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="import-interrupted"
                title={t('import.interrupted')}
                description={t(b.status === 'committing' ? 'import.interruptedCommit' : 'import.interruptedValidate')}
                action={
                  <Space direction="vertical" align="end">
                    {b.status === 'committing' && (
                      <Button type="primary" loading={action.isPending} onClick={() => act('resume')}>
                        {t('import.resume')}
                      </Button>
                    )}
                    <Button danger loading={action.isPending} onClick={() => act('cancel')}>
                      {t('import.cancel')}
                    </Button>
                  </Space>
                }
              />
            )}
            {b.status === 'pending_approval' && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="import-pending-approval"
                title={t('import.pendingTitle', { valid: b.valid })}
                description={t('import.pendingHint')}
                action={
                  <Space direction="vertical" align="end">
                    {mayApprove && (
                      <Button type="primary" loading={action.isPending} onClick={() => act('approve')}>
                        {t('import.approve')}
                      </Button>
                    )}
                    <Button danger loading={action.isPending} onClick={() => act('cancel')}>
                      {t('import.cancel')}
                    </Button>
                  </Space>
                }
              />
            )}
            {action.error && (
              <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(action.error)} />
            )}
            {commit.error && (
              <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(commit.error)} />
            )}
            {b.status === 'committed' && (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="import-done"
                title={t('import.done', { count: b.committed })}
                action={<Button onClick={() => navigate('/archive')}>{t('import.toList')}</Button>}
              />
            )}
            {b.status !== 'validating' && <ImportReport key={`${b.id}-${b.status}`} batch={b} />}
          </>
        )}
      </Card>
    </>
  );
}
