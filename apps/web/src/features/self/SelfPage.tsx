import { FileAddOutlined, KeyOutlined } from '@ant-design/icons';
import { ACTIVE_FILE_STATUSES, type HouseholdInput } from '@bangfu/contracts';
import { Alert, App, Button, Card, Descriptions, Empty, Result, Space, Spin, Table, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { useCode } from '../archive/codes';
import { GradeTag, StatusTag } from '../archive/components/StatusTag';
import { IntakeForm } from '../archive/intake/IntakeForm';
import { yuan } from '../archive/money';
import { useCurrentUser } from '../auth/api';
import { useMoneyCode } from '../money/codes';
import { type OwnFile, useApply, useOwnFile } from './api';
import { BindCodeModal } from './BindCodeModal';
import { SelfChangesCard } from './SelfChanges';

const at = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

function FileView({ file }: { file: OwnFile }) {
  const { t } = useTranslation();
  const code = useCode();
  const moneyCode = useMoneyCode();
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} bordered size="small">
          <Descriptions.Item label={t('archive.field.fileNo')}>{file.fileNo}</Descriptions.Item>
          <Descriptions.Item label={t('archive.field.name')}>{file.name}</Descriptions.Item>
          <Descriptions.Item label={t('archive.field.status')}>
            <StatusTag status={file.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('archive.field.grade')}>
            <GradeTag grade={file.grade} />
          </Descriptions.Item>
          <Descriptions.Item label={t('archive.field.kind')}>{code('kind', file.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('self.org')}>{file.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('archive.field.householdSize')}>{file.householdSize}</Descriptions.Item>
          <Descriptions.Item label={t('archive.field.perCapita')}>{yuan(file.perCapitaMonthlyFen)}</Descriptions.Item>
          <Descriptions.Item label={t('self.appliedAt')}>{at(file.appliedAt)}</Descriptions.Item>
          {file.status === 'on_notice' && (
            <Descriptions.Item label={t('self.noticeEnd')}>{at(file.noticeEnd)}</Descriptions.Item>
          )}
          {file.filedAt && <Descriptions.Item label={t('self.filedAt')}>{at(file.filedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('self.progress')} style={{ marginBottom: 16 }}>
        <Timeline
          data-testid="self-steps"
          items={file.steps.map((s) => ({
            key: `${s.at}-${s.step}`,
            children: (
              <>
                <strong>{t(`self.step.${s.action}`, { defaultValue: s.step })}</strong>
                <span style={{ marginLeft: 8, color: '#888' }}>{at(s.at)}</span>
              </>
            ),
          }))}
        />
      </Card>
      <Card title={t('self.assistance')}>
        {file.assistance.length === 0 ? (
          <Empty description={t('self.noAssistance')} />
        ) : (
          <Table
            rowKey={(r) => `${r.at}-${r.programme}-${r.period}`}
            size="small"
            pagination={false}
            dataSource={file.assistance}
            columns={[
              { title: t('self.at'), dataIndex: 'at', render: (v: string) => at(v) },
              { title: t('self.programme'), dataIndex: 'programme', render: (p: string) => moneyCode('programme', p) },
              { title: t('self.period'), dataIndex: 'period', render: (p: string | null) => p ?? '—' },
              { title: t('self.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
            ]}
          />
        )}
      </Card>
    </>
  );
}

/** 我的档案: a worker sees their own file and its progress, and may apply for themselves. */
export default function SelfPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const file = useOwnFile();
  const apply = useApply();
  const [applying, setApplying] = useState(false);
  const [binding, setBinding] = useState(false);
  const none = isApiError(file.error, 'SELF_NO_FILE');
  const canApplyAgain = !!file.data && !(ACTIVE_FILE_STATUSES as readonly string[]).includes(file.data.status);

  const submit = async ({ orgId: _own, ...input }: HouseholdInput) => {
    // The application is filed at the worker's own union: the server takes the organisation from the account.
    const r = await apply.mutateAsync(input);
    message.success(t('self.applied', { fileNo: r.fileNo }));
    setApplying(false);
  };

  let body: React.ReactNode;
  if (applying)
    body = (
      <Card title={t('self.applyTitle')}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('self.applyHint', { org: me.orgName })} />
        <IntakeForm mode="self" submitLabel={t('self.submit')} onSubmit={submit} onCancel={() => setApplying(false)} />
      </Card>
    );
  else if (file.isPending) body = <Spin style={{ display: 'block', margin: 80 }} />;
  else if (none)
    body = (
      <Result
        status="info"
        title={t('self.noFile')}
        subTitle={t('self.noFileHint')}
        extra={
          <Space>
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setApplying(true)}>
              {t('self.apply')}
            </Button>
            <Button icon={<KeyOutlined />} onClick={() => setBinding(true)}>
              {t('self.bindEnter')}
            </Button>
          </Space>
        }
      />
    );
  else if (file.error) body = <Result status="warning" title={errorText(file.error)} />;
  else if (file.data)
    body = (
      <>
        {canApplyAgain && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('self.applyAgainHint')}
            action={<Button onClick={() => setApplying(true)}>{t('self.apply')}</Button>}
          />
        )}
        <FileView file={file.data} />
        <SelfChangesCard fileStatus={file.data.status} />
      </>
    );

  return (
    <>
      <PageHeader title={t('menu.self')} subtitle={t('self.subtitle')} />
      {body}
      {binding && <BindCodeModal onClose={() => setBinding(false)} />}
    </>
  );
}
