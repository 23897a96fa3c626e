import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { Link } from '../../lib/router';
import { today } from '../../lib/today';
import { usePermission } from '../auth';
import { useCurrentUser } from '../auth/api';
import { Money } from '../money/ui';
import { useApplication } from './api';
import { ClosingCard, EvidenceCard, HistoryCard, MediationCard, when } from './CaseCards';
import { CaseDialogs, type Dialog } from './CaseDialogs';
import { statusColor, useLegalCode } from './codes';
import type { LegalAidDetail } from './types';

/** One application: the person, the group's decision, who handles it, the case's steps, mediation, outcome, evidence. */
export function CasePage({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useApplication(id);
  const errorText = useErrorText();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (!q.data)
    return (
      <Result
        status="warning"
        title={errorText(q.error)}
        extra={<Link to="/legal-aid">{t('legalAid.detail.back')}</Link>}
      />
    );
  const a = q.data;
  return (
    <>
      <PageHeader
        title={
          <Space size={10} wrap>
            <Link to="/legal-aid" aria-label={t('legalAid.detail.back')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="legal-aid-no">{a.appNo}</span>
            <span>{a.person.name}</span>
            <StatusTag a={a} />
          </Space>
        }
        extra={<Actions a={a} open={setDialog} />}
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ApplicationCard a={a} />
          <DecisionCard a={a} />
          <StepsCard a={a} open={setDialog} />
          {a.caseKind === 'mediation' && a.status !== 'pending' && <MediationCard a={a} />}
          {a.closing && <ClosingCard a={a} />}
        </Col>
        <Col xs={24} xl={8}>
          <EvidenceCard a={a} />
          <HistoryCard a={a} />
        </Col>
      </Row>
      <CaseDialogs a={a} open={dialog} onClose={() => setDialog(null)} />
    </>
  );
}

function StatusTag({ a }: { a: LegalAidDetail }) {
  const { t } = useTranslation();
  const code = useLegalCode();
  return (
    <Space size={4}>
      <Tag color={statusColor[a.status] ?? 'default'} data-testid="legal-aid-status">
        {code('status', a.status)}
      </Tag>
      {a.overdue && <Tag color="red">{t('legalAid.overdue')}</Tag>}
    </Space>
  );
}

/** The steps the user may take now (the server checks again). */
function Actions({ a, open }: { a: LegalAidDetail; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const can = usePermission();
  const me = useCurrentUser();
  const write = can('legalaid.write');
  const buttons: ReactNode[] = [];
  if (a.status === 'pending' && can('legalaid.decide')) {
    const self = a.registeredById === me.id;
    buttons.push(
      <Tooltip key="decide" title={self ? t('legalAid.decide.self') : undefined}>
        <Button type="primary" disabled={self} onClick={() => open('decide')} data-testid="la-decide">
          {t('legalAid.action.decide')}
        </Button>
      </Tooltip>,
    );
  }
  if (write && (a.status === 'approved' || a.status === 'assigned'))
    buttons.push(
      <Button
        key="assign"
        type={a.status === 'approved' ? 'primary' : 'default'}
        onClick={() => open('assign')}
        data-testid="la-assign"
      >
        {t(a.status === 'approved' ? 'legalAid.action.assign' : 'legalAid.action.reassign')}
      </Button>,
    );
  if (write && a.status === 'assigned') {
    if (a.caseKind === 'mediation' && !a.agreement) {
      buttons.push(
        <Button key="med" onClick={() => open('mediation')} data-testid="la-mediation">
          {t(a.mediation ? 'legalAid.action.editMediation' : 'legalAid.action.mediation')}
        </Button>,
      );
      if (a.mediation)
        buttons.push(
          <Button key="agr" onClick={() => open('agreement')} data-testid="la-agreement">
            {t('legalAid.action.agreement')}
          </Button>,
        );
    }
    buttons.push(
      <Button key="close" type="primary" onClick={() => open('close')} data-testid="la-close">
        {t('legalAid.action.close')}
      </Button>,
    );
  }
  if (write && (a.status === 'pending' || a.status === 'approved'))
    buttons.push(
      <Button key="withdraw" danger onClick={() => open('withdraw')}>
        {t('legalAid.action.withdraw')}
      </Button>,
    );
  return <Space wrap>{buttons}</Space>;
}

/** The masked ID and phone; the full numbers on request (audited by the server). */
function usePersonReveal(a: LegalAidDetail) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [full, setFull] = useState<{ idNumber: string | null; phone: string | null } | null>(null);
  const reveal = async () => {
    try {
      setFull(await api.get(`/legal-aid/${a.id}/person`));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return { full, reveal };
}

function ApplicationCard({ a }: { a: LegalAidDetail }) {
  const { t } = useTranslation();
  const code = useLegalCode();
  const can = usePermission();
  const { full, reveal } = usePersonReveal(a);
  const canReveal = can('legalaid.write') && !full && (a.person.idMasked || a.person.phoneMasked);
  return (
    <Card title={t('legalAid.detail.applicant')} style={{ marginBottom: 16 }} size="small">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} colon={false} styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('legalAid.detail.idNumber')}>
          {full?.idNumber ?? a.person.idMasked ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.phone')}>
          <Space size={4} wrap>
            <span>{full?.phone ?? a.person.phoneMasked ?? '—'}</span>
            {canReveal && (
              <Button size="small" type="link" onClick={reveal} style={{ padding: 0 }}>
                {t('legalAid.detail.reveal')}
              </Button>
            )}
            {full && <Typography.Text type="secondary">{t('legalAid.detail.revealed')}</Typography.Text>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.employer')}>{a.person.employer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('legalAid.col.dispute')}>{code('dispute', a.disputeKind)}</Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.file')}>
          {a.household ? (
            <Link to={`/archive/${a.household.id}`}>{`${a.household.fileNo} ${a.household.name}`}</Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.workOrder')}>
          {a.workOrder ? <Link to={`/servicedesk/orders/${a.workOrder.id}`}>{a.workOrder.orderNo}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.claim')}>
          {a.claimFen === null ? '—' : <Money fen={a.claimFen} />}
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.received')}>{a.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.due')}>{a.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.registeredBy')}>
          {a.registeredBy} · {a.org.name}
        </Descriptions.Item>
        <Descriptions.Item label={t('legalAid.detail.reasons')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.reasons}</Typography.Paragraph>
        </Descriptions.Item>
        {a.withdrawReason && (
          <Descriptions.Item label={t('legalAid.action.withdraw')} span={2}>
            {t('legalAid.detail.withdrawn', { reason: a.withdrawReason })}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function DecisionCard({ a }: { a: LegalAidDetail }) {
  const { t } = useTranslation();
  const code = useLegalCode();
  const d = a.decision;
  const s = a.assignment;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="la-decision">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} colon={false} styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('legalAid.detail.decision')} span={2}>
          {d ? (
            <Space wrap size={6}>
              <Tag color={d.approve ? 'green' : 'default'}>
                {t(d.approve ? 'legalAid.detail.approved' : 'legalAid.detail.refused')}
              </Tag>
              {d.approve && a.caseKind && <Tag color="blue">{code('caseKind', a.caseKind)}</Tag>}
              <span>{t('legalAid.detail.decidedBy', { by: d.by, on: d.on })}</span>
              <Tag color={d.onTime ? 'default' : 'red'}>
                {t(d.onTime ? 'legalAid.detail.onTime' : 'legalAid.detail.late')}
              </Tag>
            </Space>
          ) : (
            <Typography.Text type={a.overdue ? 'danger' : 'secondary'}>
              {t('legalAid.detail.notDecided', { dueOn: a.dueOn })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        {d && (
          <Descriptions.Item label={t('legalAid.decide.opinion')} span={2}>
            {d.opinion}
          </Descriptions.Item>
        )}
        {d?.approve && (
          <Descriptions.Item label={t('legalAid.detail.assignment')} span={2}>
            {s ? (
              <Space wrap size={6}>
                <span data-testid="la-handler">{s.lawyer ?? s.department}</span>
                <Typography.Text type="secondary">
                  {t('legalAid.detail.assignedBy', { by: s.by, at: when(s.at) })}
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('legalAid.detail.notAssigned')}</Typography.Text>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function StepsCard({ a, open }: { a: LegalAidDetail; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const code = useLegalCode();
  const can = usePermission();
  const active = a.status === 'assigned' && can('legalaid.write');
  if (a.status === 'pending' || a.status === 'refused' || a.status === 'withdrawn') return null;
  return (
    <Card
      title={t('legalAid.detail.steps')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        active && (
          <Button size="small" onClick={() => open('step')} data-testid="la-add-step">
            {t('legalAid.action.addStep')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="la-steps"
        dataSource={a.steps}
        locale={{ emptyText: t('legalAid.detail.noSteps') }}
        columns={[
          { title: t('legalAid.step.stepOn'), dataIndex: 'stepOn', width: 105 },
          { title: t('legalAid.step.kind'), key: 'kind', width: 110, render: (_, s) => code('stepKind', s.kind) },
          { title: t('legalAid.step.what'), dataIndex: 'what' },
          {
            title: t('legalAid.step.result'),
            key: 'result',
            render: (_, s) =>
              s.result ?? (
                <Space size={4}>
                  <Typography.Text type="secondary">{t('legalAid.step.pending')}</Typography.Text>
                  {active && s.stepOn <= today() && (
                    <Button size="small" type="link" onClick={() => open({ result: s })}>
                      {t('legalAid.action.result')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
