import { DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { useLang } from '../../i18n';
import { afterToday, todayValue } from '../../lib/today';
import { fenOf, yuanText } from '../money/money';
import { YuanInput } from '../money/ui';
import { useCaseAction, useLawyersFor } from './api';
import { useLegalOptions } from './codes';
import type { CaseStep, LegalAidDetail } from './types';

export type Dialog =
  | 'decide'
  | 'assign'
  | 'step'
  | 'mediation'
  | 'agreement'
  | 'close'
  | 'withdraw'
  | { result: CaseStep }
  | null;

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** The dialogs of a case (one open at a time); every one goes through FormModal and the server checks again. */
export function CaseDialogs({ a, open, onClose }: { a: LegalAidDetail; open: Dialog; onClose: () => void }) {
  if (open === null) return null;
  if (typeof open === 'object') return <ResultDialog a={a} step={open.result} onClose={onClose} />;
  const dialogs = {
    decide: DecideDialog,
    assign: AssignDialog,
    step: StepDialog,
    mediation: MediationDialog,
    agreement: AgreementDialog,
    close: CloseDialog,
    withdraw: WithdrawDialog,
  };
  const D = dialogs[open];
  return <D a={a} onClose={onClose} />;
}

type Props = { a: LegalAidDetail; onClose: () => void };
const req = (t: (k: string) => string) => [{ required: true, message: t('legalAid.form.required') }];

function DecideDialog({ a, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ approve: boolean; caseKind?: string; opinion: string }>();
  const act = useCaseAction(a.id);
  const options = useLegalOptions();
  const approve = Form.useWatch('approve', form);
  return (
    <FormModal
      title={t('legalAid.decide.title')}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{t('legalAid.decide.intro')}</Typography.Paragraph>}
      onSubmit={async (v) => {
        await act.mutateAsync({ path: 'decision', body: v });
        return t('legalAid.decide.done');
      }}
    >
      <Form.Item name="approve" label={t('legalAid.decide.approve')} initialValue={true}>
        <Radio.Group
          options={[
            { value: true, label: t('legalAid.decide.yes') },
            { value: false, label: t('legalAid.decide.no') },
          ]}
        />
      </Form.Item>
      {approve !== false && (
        <Form.Item name="caseKind" label={t('legalAid.decide.caseKind')} rules={req(t)}>
          <Select id="la-case-kind" options={options('caseKind')} />
        </Form.Item>
      )}
      <Form.Item name="opinion" label={t('legalAid.decide.opinion')} rules={req(t)}>
        <Input.TextArea id="la-opinion" rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function AssignDialog({ a, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<{ by: 'lawyer' | 'department'; lawyerId?: number; department?: string; note?: string }>();
  const act = useCaseAction(a.id);
  const lawyers = useLawyersFor(a.id, true);
  const [by, setBy] = useState<'lawyer' | 'department'>(a.assignment?.department ? 'department' : 'lawyer');
  return (
    <FormModal
      title={t('legalAid.assign.title')}
      form={form}
      width={560}
      pending={act.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        const body =
          by === 'lawyer' ? { lawyerId: v.lawyerId, note: v.note } : { department: v.department, note: v.note };
        await act.mutateAsync({ path: 'assign', body });
        return t('legalAid.assign.done');
      }}
    >
      <Form.Item label={t('legalAid.assign.by')}>
        <Radio.Group
          value={by}
          onChange={(e) => setBy(e.target.value)}
          options={[
            { value: 'lawyer', label: t('legalAid.assign.toLawyer') },
            { value: 'department', label: t('legalAid.assign.toDepartment') },
          ]}
        />
      </Form.Item>
      {by === 'lawyer' ? (
        <Form.Item
          name="lawyerId"
          label={t('legalAid.assign.lawyer')}
          extra={t('legalAid.assign.lawyerHint')}
          rules={req(t)}
        >
          <Select
            id="la-lawyer"
            showSearch={{ optionFilterProp: 'title' }}
            loading={lawyers.isFetching}
            options={(lawyers.data?.items ?? []).map((l) => ({
              value: l.id,
              title: `${l.name} ${l.firm}`,
              disabled: !l.available,
              label: (
                <span>
                  {l.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                    {l.firm} · {l.org.name}
                    {l.unavailable ? ` · ${lang === 'en' ? l.unavailable.whyEn : l.unavailable.why}` : ''}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="department"
          label={t('legalAid.assign.department')}
          rules={req(t)}
          initialValue={a.assignment?.department ?? undefined}
        >
          <Input id="la-department" maxLength={100} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('legalAid.assign.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function StepDialog({ a, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ stepOn: Dayjs; kind: string; what: string; result?: string }>();
  const act = useCaseAction(a.id);
  const options = useLegalOptions();
  return (
    <FormModal
      title={t('legalAid.step.title')}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await act.mutateAsync({
          path: 'steps',
          body: { stepOn: day(v.stepOn), kind: v.kind, what: v.what, result: v.result?.trim() || undefined },
        });
        return t('legalAid.step.done');
      }}
    >
      <Form.Item
        name="kind"
        label={t('legalAid.step.kind')}
        rules={req(t)}
        initialValue={a.caseKind === 'mediation' ? 'mediation_session' : undefined}
      >
        <Select id="la-step-kind" options={options('stepKind')} />
      </Form.Item>
      <Form.Item name="stepOn" label={t('legalAid.step.stepOn')} rules={req(t)} initialValue={todayValue()}>
        <DatePicker id="la-step-on" style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
      <Form.Item name="what" label={t('legalAid.step.what')} rules={req(t)}>
        <Input.TextArea id="la-step-what" rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="result" label={t('legalAid.step.result')} extra={t('legalAid.step.resultHint')}>
        <Input.TextArea id="la-step-result" rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function ResultDialog({ a, step, onClose }: Props & { step: CaseStep }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ result: string }>();
  const act = useCaseAction(a.id);
  return (
    <FormModal
      title={`${t('legalAid.step.resultTitle')} · ${step.stepOn}`}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      intro={<Typography.Paragraph>{step.what}</Typography.Paragraph>}
      onSubmit={async (v) => {
        await act.mutateAsync({ path: `steps/${step.id}/result`, body: v });
        return t('legalAid.step.done');
      }}
    >
      <Form.Item name="result" label={t('legalAid.step.result')} rules={req(t)}>
        <Input.TextArea id="la-result" rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function MediationDialog({ a, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ employer: string; employerRep?: string; mediator: string; otherParties?: string }>();
  const act = useCaseAction(a.id);
  const m = a.mediation;
  return (
    <FormModal
      title={t('legalAid.mediation.title')}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{t('legalAid.mediation.sessionsHint')}</Typography.Paragraph>}
      onSubmit={async (v) => {
        await act.mutateAsync({ path: 'mediation', body: v, method: 'put' });
        return t('legalAid.mediation.done');
      }}
    >
      <Form.Item label={t('legalAid.mediation.worker')}>
        <Input value={a.person.name} disabled />
      </Form.Item>
      <Form.Item
        name="employer"
        label={t('legalAid.mediation.employer')}
        rules={req(t)}
        initialValue={m?.employer ?? a.person.employer ?? undefined}
      >
        <Input id="la-med-employer" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="employerRep"
        label={t('legalAid.mediation.employerRep')}
        initialValue={m?.employerRep ?? undefined}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="mediator" label={t('legalAid.mediation.mediator')} rules={req(t)} initialValue={m?.mediator}>
        <Input id="la-med-mediator" maxLength={100} />
      </Form.Item>
      <Form.Item
        name="otherParties"
        label={t('legalAid.mediation.otherParties')}
        initialValue={m?.otherParties ?? undefined}
      >
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function AgreementDialog({ a, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ terms: string; amount?: string | null; signedOn: Dayjs }>();
  const act = useCaseAction(a.id);
  return (
    <FormModal
      title={t('legalAid.agreement.title')}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await act.mutateAsync({
          path: 'agreement',
          body: { terms: v.terms, amountFen: fenOf(v.amount) ?? 0, signedOn: day(v.signedOn) },
        });
        return t('legalAid.agreement.done');
      }}
    >
      <Form.Item name="terms" label={t('legalAid.agreement.terms')} rules={req(t)}>
        <Input.TextArea id="la-agr-terms" rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="amount" label={t('legalAid.agreement.amount')} rules={req(t)}>
        <YuanInput id="la-agr-amount" />
      </Form.Item>
      <Form.Item name="signedOn" label={t('legalAid.agreement.signedOn')} rules={req(t)} initialValue={todayValue()}>
        <DatePicker id="la-agr-signed" style={{ width: '100%' }} disabledDate={afterToday} allowClear={false} />
      </Form.Item>
    </FormModal>
  );
}

function CloseDialog({ a, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ outcome: string; note: string; recovered?: string | null }>();
  const act = useCaseAction(a.id);
  const options = useLegalOptions();
  return (
    <FormModal
      title={t('legalAid.close.title')}
      form={form}
      pending={act.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await act.mutateAsync({
          path: 'close',
          body: { outcome: v.outcome, note: v.note, recoveredFen: fenOf(v.recovered) ?? 0 },
        });
        return t('legalAid.close.done');
      }}
    >
      <Form.Item
        name="outcome"
        label={t('legalAid.close.outcome')}
        rules={req(t)}
        initialValue={a.agreement ? 'mediated' : undefined}
      >
        <Select id="la-outcome" options={options('outcome')} />
      </Form.Item>
      <Form.Item name="recovered" label={t('legalAid.close.recovered')} initialValue={yuanText(a.agreement?.amountFen)}>
        <YuanInput id="la-recovered" />
      </Form.Item>
      <Form.Item name="note" label={t('legalAid.close.note')} rules={req(t)}>
        <Input.TextArea id="la-close-note" rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function WithdrawDialog({ a, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const act = useCaseAction(a.id);
  return (
    <FormModal
      title={t('legalAid.withdraw.title')}
      form={form}
      danger
      pending={act.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await act.mutateAsync({ path: 'withdraw', body: v });
        return t('legalAid.withdraw.done');
      }}
    >
      <Form.Item name="reason" label={t('legalAid.withdraw.reason')} rules={req(t)}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
