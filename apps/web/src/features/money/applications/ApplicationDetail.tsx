import { ArrowLeftOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Statistic, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { Link, navigate } from '../../../lib/router';
import { usePermission } from '../../auth';
import { batchApi, useBatchAction } from '../api';
import { useLevelLabel } from '../batches/ApprovalHistory';
import { FailedGrantActions } from '../batches/FailedGrantActions';
import { ExplanationView, type Marking, MarkModal } from '../batches/GrantsTable';
import { DecisionDialog } from '../bodies/DecisionDialog';
import { MeetingRecord } from '../bodies/MeetingRecord';
import { RefusePaymentButton } from '../bodies/RefusePayment';
import { applicationStatusColor, useMoneyCode } from '../codes';
import { yuan } from '../money';
import { GrantStatusTag, OrgName } from '../ui';
import { useApplication } from './api';
import { InputsView } from './InputsEditor';

/** An application: the household, the amount and how it was computed, approvals, decision and payment. */
export function ApplicationDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const code = useMoneyCode();
  const level = useLevelLabel();
  const errorText = useErrorText();
  const can = usePermission();
  const { message } = App.useApp();
  const q = useApplication(id);
  const file = useQuery({
    queryKey: ['households', 'one-brief', q.data?.householdId ?? 0],
    queryFn: () => api.get<{ name: string; idMasked: string }>(`/households/${q.data?.householdId}`),
    enabled: !!q.data && !q.data.householdName,
    retry: false,
  });
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [marking, setMarking] = useState<Marking>(null);
  const pay = useBatchAction((grantId: number) => batchApi.mark(grantId, { status: 'paid' }));
  if (q.isPending) return <Spin style={{ display: 'block', margin: 80 }} />;
  if (q.error || !q.data)
    return (
      <Result
        status="warning"
        title={errorText(q.error)}
        extra={<Button onClick={() => navigate('/applications')}>{t('money.applications.back')}</Button>}
      />
    );
  const a = {
    ...q.data,
    householdName: q.data.householdName ?? file.data?.name,
    idMasked: q.data.idMasked ?? file.data?.idMasked,
  };
  const g = a.grant;
  const payable = can('fund.write') && g?.status === 'approved';
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ padding: 0 }}
          onClick={() => navigate('/applications')}
        >
          {t('money.applications.back')}
        </Button>
        <Button type="link" style={{ float: 'right' }} onClick={() => navigate(`/applications/${a.id}/notice`)}>
          {t('money.notice.link')}
        </Button>
        <h2 style={{ margin: '8px 0', fontSize: 20 }}>
          {a.householdName} · {code('programme', a.programme)}{' '}
          <Tag color={applicationStatusColor[a.status]} data-testid="application-status">
            {code('applicationStatus', a.status)}
          </Tag>
        </h2>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('money.applications.amount')}
              value={yuan(a.amountFen)}
              data-testid="application-amount"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('money.batches.requiredLevel')} value={level(a.requiredLevel)} />
          </Col>
        </Row>
        <Space wrap>
          {can('payment.approve') && a.status === 'pending_approval' && (
            <>
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setDeciding('approve')}>
                {t('money.approvals.approve')}
              </Button>
              <Button danger icon={<CloseOutlined />} onClick={() => setDeciding('reject')}>
                {t('money.approvals.reject')}
              </Button>
            </>
          )}
          {can('fund.write') && a.status === 'approved' && g?.status === 'approved' && (
            <RefusePaymentButton type="application" id={a.id} />
          )}
          {payable && g && g.method === 'bank' && (
            <Button
              type="primary"
              loading={pay.isPending}
              onClick={() =>
                pay.mutateAsync(g.id).then(
                  () => message.success(t('money.grants.paidOne')),
                  (e: unknown) => message.error(errorText(e)),
                )
              }
            >
              {t('money.applications.payBank')}
            </Button>
          )}
          {payable && g && g.method === 'cash' && (
            <Button type="primary" onClick={() => setMarking({ grant: g, mode: 'cash' })}>
              {t('money.grants.sign')}
            </Button>
          )}
          {payable && g && (
            <Button danger onClick={() => setMarking({ grant: g, mode: 'failed' })}>
              {t('money.grants.markFailed')}
            </Button>
          )}
          {can('fund.write') && g?.status === 'failed' && (
            <FailedGrantActions grant={g} onVoid={() => setMarking({ grant: g, mode: 'void' })} />
          )}
          <Link to={`/archive/${a.householdId}`}>{t('money.applications.openFile')}</Link>
        </Space>
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
          <Descriptions.Item label={t('money.applications.decidingOrg')}>
            {a.requiredOrgId ? <OrgName id={a.requiredOrgId} /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('money.applications.grant')}>
            {g ? <GrantStatusTag status={g.status} /> : '—'}
            {g?.failureReason ? ` ${g.failureReason}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('money.grants.idNumber')}>{a.idMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('money.applications.org')}>
            <OrgName id={a.orgId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('money.applications.period')}>{a.period}</Descriptions.Item>
          <Descriptions.Item label={t('money.batches.method')}>{code('method', a.method)}</Descriptions.Item>
          <Descriptions.Item label={t('money.applications.template')}>{a.templateId}</Descriptions.Item>
          <Descriptions.Item label={t('money.batches.createdBy')}>
            {a.createdBy ?? '—'} · {dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('money.applications.explanation')} style={{ marginBottom: 16 }}>
            <ExplanationView e={a.explanation} />
            <div style={{ marginTop: 12 }}>
              <InputsView inputs={a.inputs} />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('money.batches.tabApprovals')} style={{ marginBottom: 16 }} data-testid="application-history">
            {a.approvals.map((x, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only and never reordered
              <p key={i} style={{ margin: '0 0 8px' }}>
                <Tag>{t(`money.decision.${x.decision}`, { defaultValue: x.decision })}</Tag>
                {x.by ?? '—'} · {dayjs(x.at).format('YYYY-MM-DD HH:mm')}
                {x.comment ? `：${x.comment}` : ''}
              </p>
            ))}
          </Card>
          <Card title={t('money.meeting.record')} style={{ marginBottom: 16 }}>
            <MeetingRecord type="application" id={a.id} printPath={`/applications/${a.id}/record`} />
          </Card>
        </Col>
      </Row>
      <DecisionDialog
        title={deciding === 'approve' ? t('money.applications.approveTitle') : t('money.applications.rejectTitle')}
        onClose={() => setDeciding(null)}
        target={
          deciding
            ? {
                type: 'application',
                id: a.id,
                decision: deciding,
                summary: `${a.householdName ?? ''}：${yuan(a.amountFen)}（${level(a.requiredLevel)}）`,
              }
            : null
        }
      />
      <MarkModal marking={marking} onClose={() => setMarking(null)} />
    </>
  );
}
