import { cancelReasons, grades, reviewMethods } from '@bangfu/contracts';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../../components/OrgSelect';
import { useCodeOptions } from '../codes';
import type { HouseholdDetail } from '../types';
import type { StepPath } from '../workflow-api';

export interface StepValues {
  decision?: string;
  visitedOn?: Dayjs;
  visitors?: string;
  findings?: string;
  opinion?: string;
  reason?: string;
  raisedBy?: string;
  grade?: string;
  overrideReason?: string;
  method?: string;
  reviewedOn?: Dayjs;
  cause?: string;
  toOrgId?: number;
}

const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');
const s = (v?: string) => v?.trim() ?? '';

/** The request body of a step from the modal's values (contracts archive-workflow.ts). */
export function stepBody(step: StepPath, v: StepValues): unknown {
  switch (step) {
    case 'review':
      return v.decision === 'reject'
        ? { decision: 'reject', reason: s(v.reason) }
        : {
            decision: 'pass',
            visit: { visitedOn: day(v.visitedOn), visitors: s(v.visitors), findings: s(v.findings) },
            opinion: s(v.opinion),
          };
    case 'objection':
      return { reason: s(v.reason), raisedBy: s(v.raisedBy) || null };
    case 'verify':
      return v.decision === 'reject'
        ? { decision: 'reject', reason: s(v.reason) }
        : { decision: 'renotice', findings: s(v.findings) };
    case 'approve':
      return v.decision === 'reject'
        ? { decision: 'reject', reason: s(v.reason) }
        : { decision: 'approve', grade: v.grade, overrideReason: s(v.overrideReason) || null, opinion: s(v.opinion) };
    case 'reviews':
      return { method: v.method, reviewedOn: day(v.reviewedOn), findings: s(v.findings) };
    case 'cancel':
      return { cause: v.cause, reason: s(v.reason) };
    case 'transfer':
      return { toOrgId: v.toOrgId, reason: s(v.reason) };
    case 'relieve':
    case 'exit':
    case 'promote':
      return { reason: s(v.reason) };
    default:
      return undefined;
  }
}

function Text({ name, label, rows = 3 }: { name: keyof StepValues; label: string; rows?: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, whitespace: true, message: t('archive.form.required', { field: label }) }]}
    >
      <Input.TextArea rows={rows} maxLength={1000} showCount />
    </Form.Item>
  );
}

/** The fields of each step's dialog. */
export function StepFields({ step, file }: { step: StepPath; file: HouseholdDetail }) {
  const { t } = useTranslation();
  const options = useCodeOptions();
  const decision = Form.useWatch('decision') as string | undefined;
  const grade = Form.useWatch('grade') as string | undefined;
  const f = (k: string) => t(`archive.step.${k}`);
  const req = (k: string) => [{ required: true, message: t('archive.form.required', { field: f(k) }) }];
  const decide = (pass: string, reject: string) => (
    <Form.Item name="decision" label={f('decision')} rules={req('decision')}>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        options={[
          { value: pass, label: f(`decision_${pass}`) },
          { value: 'reject', label: f(`decision_${reject}`) },
        ]}
      />
    </Form.Item>
  );
  switch (step) {
    case 'review':
      return (
        <>
          {decide('pass', 'reject')}
          {decision === 'reject' ? (
            <Text name="reason" label={f('rejectReason')} />
          ) : (
            <>
              <Form.Item name="visitedOn" label={f('visitedOn')} rules={req('visitedOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="visitors" label={f('visitors')} rules={[...req('visitors'), { whitespace: true }]}>
                <Input maxLength={200} placeholder={f('visitorsHint')} />
              </Form.Item>
              <Text name="findings" label={f('findings')} />
              <Text name="opinion" label={f('opinion')} rows={2} />
            </>
          )}
        </>
      );
    case 'objection':
      return (
        <>
          <Text name="reason" label={f('objectionReason')} />
          <Form.Item name="raisedBy" label={f('raisedBy')}>
            <Input maxLength={100} placeholder={f('raisedByHint')} />
          </Form.Item>
        </>
      );
    case 'verify':
      return (
        <>
          {decide('renotice', 'upheld')}
          {decision === 'reject' ? (
            <Text name="reason" label={f('rejectReason')} />
          ) : (
            <Text name="findings" label={f('verifyFindings')} />
          )}
        </>
      );
    case 'approve': {
      const overriding = !!file.gradeProposed && !!grade && grade !== file.gradeProposed;
      return (
        <>
          {decide('approve', 'reject')}
          {decision === 'reject' ? (
            <Text name="reason" label={f('rejectReason')} />
          ) : (
            <>
              <Form.Item name="grade" label={f('grade')} rules={req('grade')} extra={f('gradeHint')}>
                <Select options={options('grade', grades.codes)} />
              </Form.Item>
              {overriding && <Text name="overrideReason" label={f('overrideReason')} rows={2} />}
              <Text name="opinion" label={f('opinion')} rows={2} />
            </>
          )}
        </>
      );
    }
    case 'reviews':
      return (
        <>
          <Form.Item name="method" label={f('method')} rules={req('method')}>
            <Radio.Group options={options('reviewMethod', reviewMethods)} />
          </Form.Item>
          <Form.Item name="reviewedOn" label={f('reviewedOn')} rules={req('reviewedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Text name="findings" label={f('findings')} />
        </>
      );
    case 'cancel':
      return (
        <>
          <Form.Item name="cause" label={f('cancelCause')} rules={req('cancelCause')}>
            <Select options={options('cancelCause', cancelReasons)} />
          </Form.Item>
          <Text name="reason" label={f('reason')} />
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item name="toOrgId" label={f('toOrg')} rules={req('toOrg')}>
            <OrgSelect disabledReason={(o) => (o.id === file.orgId ? f('sameOrg') : null)} />
          </Form.Item>
          <Text name="reason" label={f('reason')} />
        </>
      );
    case 'relieve':
    case 'exit':
    case 'promote':
      return <Text name="reason" label={f('reason')} />;
    default:
      return null;
  }
}
