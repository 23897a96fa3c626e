import { ArrowLeftOutlined, DiffOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { SummaryBar } from '../../../components/SummaryBar';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { usePermission } from '../../auth';
import { ChangesTab } from '../../changes/ChangesTab';
import { WorkerAccess } from '../../self/WorkerAccess';
import { FileActions } from '../actions/FileActions';
import { useHousehold } from '../api';
import { useCode } from '../codes';
import { GradeTag, StatusTag } from '../components/StatusTag';
import { yuan } from '../money';
import { AssistanceTab } from './AssistanceTab';
import { AttachmentsTab } from './AttachmentsTab';
import { BasicTab } from './BasicTab';
import { GradeTab } from './GradeTab';
import { HistoryTab } from './HistoryTab';
import { IncomeTab } from './IncomeTab';
import { MembersTab } from './MembersTab';

const at = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

/** One household file: its facts in tabs, its steps per status, and the audited reveal of personal data. */
export default function FileDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const errorText = useErrorText();
  const code = useCode();
  const can = usePermission();
  const [reveal, setReveal] = useState(false);
  const masked = useHousehold(id, false);
  const revealed = useHousehold(id, reveal);
  const q = reveal ? revealed : masked;
  const file = q.data ?? masked.data;

  if (q.error && !file)
    return (
      <Result
        status="404"
        title={errorText(q.error)}
        extra={<Button onClick={() => navigate('/archive')}>{t('archive.detail.back')}</Button>}
      />
    );
  if (!file) return <Spin style={{ display: 'block', margin: 80 }} />;

  const askReveal = () =>
    modal.confirm({
      title: t('archive.detail.revealTitle'),
      content: t('archive.detail.revealHint'),
      okText: t('archive.detail.reveal'),
      onOk: () => setReveal(true),
    });

  return (
    <>
      <PageHeader
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/archive')}
              aria-label={t('archive.detail.back')}
            />
            <span data-testid="file-name">{file.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 14 }} data-testid="file-no">
              {file.fileNo}
            </Typography.Text>
            <StatusTag status={file.status} />
            {file.grade && <GradeTag grade={file.grade} />}
          </Space>
        }
        subtitle={t('archive.detail.subtitle', { org: file.orgName, kind: code('kind', file.kind) })}
        extra={
          <Space wrap>
            {['filed', 'relieved'].includes(file.status) && can('archive.write') && can('personal.reveal') && (
              <Button
                icon={<DiffOutlined />}
                onClick={() => navigate(`/archive/${id}/change`)}
                data-testid="propose-change"
              >
                {t('changes.action.propose')}
              </Button>
            )}
            <FileActions file={file} onStep={() => setReveal(false)} />
            {can('user.write') && <WorkerAccess householdId={id} name={file.name} />}
          </Space>
        }
      />
      {q.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(q.error)} />}
      <Card style={{ marginBottom: 16 }}>
        <SummaryBar
          testId="file-summary"
          items={[
            {
              key: 'id',
              label: t('archive.field.idNumber'),
              value: (
                <Space size={4}>
                  <span data-testid="summary-id">{file.idNumber ?? file.idMasked}</span>
                  {!file.idNumber && can('personal.reveal') && (
                    <Button size="small" type="link" icon={<EyeOutlined />} onClick={askReveal} data-testid="reveal">
                      {t('archive.detail.reveal')}
                    </Button>
                  )}
                  {file.idNumber && (
                    <Tag icon={<LockOutlined />} color="warning">
                      {t('archive.detail.revealedTag')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { key: 'phone', label: t('archive.field.phone'), value: file.phone ?? file.phoneMasked ?? '—' },
            { key: 'size', label: t('archive.field.householdSize'), value: file.householdSize },
            {
              key: 'perCapita',
              label: t('archive.field.perCapita'),
              value: yuan(file.perCapitaMonthlyFen),
              testId: 'summary-per-capita',
            },
            { key: 'cause', label: t('archive.field.mainCause'), value: code('cause', file.mainCause) },
            { key: 'proposed', label: t('archive.grade.proposed'), value: <GradeTag grade={file.gradeProposed} /> },
            ...(file.status === 'on_notice' || file.noticeEnd
              ? [
                  {
                    key: 'notice',
                    label: t('archive.field.noticePeriod'),
                    value: (
                      <span data-testid="notice-period">
                        {at(file.noticeStart)} ~ {at(file.noticeEnd)}
                      </span>
                    ),
                  },
                ]
              : []),
            ...(file.nextReviewDue
              ? [{ key: 'nextReview', label: t('archive.field.nextReviewDue'), value: file.nextReviewDue }]
              : []),
          ]}
        />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          data-testid="file-tabs"
          items={[
            { key: 'basic', label: t('archive.tab.basic'), children: <BasicTab file={file} /> },
            {
              key: 'members',
              label: t('archive.tab.members', { count: file.members.length }),
              children: <MembersTab file={file} />,
            },
            { key: 'income', label: t('archive.tab.income'), children: <IncomeTab file={file} /> },
            { key: 'grade', label: t('archive.tab.grade'), children: <GradeTab file={file} /> },
            { key: 'history', label: t('archive.tab.history'), children: <HistoryTab id={file.id} /> },
            { key: 'changes', label: t('archive.tab.changes'), children: <ChangesTab id={file.id} /> },
            { key: 'assistance', label: t('archive.tab.assistance'), children: <AssistanceTab file={file} /> },
            { key: 'attachments', label: t('archive.tab.attachments'), children: <AttachmentsTab id={file.id} /> },
          ]}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
