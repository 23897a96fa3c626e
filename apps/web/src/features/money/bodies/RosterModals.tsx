import { approvalBodyKinds } from '@bangfu/contracts';
import { DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { todayValue } from '../../../lib/today';
import { type ApprovalBody, bodiesApi, useApprovers, useBodiesAction } from './api';

type Kind = ApprovalBody['kind'];
export type BodyTarget = { kind: Kind; body?: ApprovalBody } | null;

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
/** A share in basis points shown as a percentage (5000 → 50). */
const pct = (bp: number) => bp / 100;
const bp = (p: number) => Math.round(p * 100);

/** 设立 a body of a kind at the node, or 修改议事规则 of one: name, chair required, the two shares. */
export function BodyModal({ orgId, target, onClose }: { orgId: number; target: BodyTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; chairRequired: boolean; presentPct: number; approvePct: number }>();
  const save = useBodiesAction((v: { name: string; chairRequired: boolean; presentBp: number; approveBp: number }) =>
    target?.body ? bodiesApi.update(target.body.id, v) : bodiesApi.create({ orgId, kind: target?.kind as Kind, ...v }),
  );
  useEffect(() => {
    if (!target) return;
    const b = target.body;
    form.setFieldsValue({
      name: b?.name ?? t(`money.bodies.kinds.${target.kind}`),
      chairRequired: b?.chairRequired ?? true,
      presentPct: pct(b?.presentBp ?? 5000),
      approvePct: pct(b?.approveBp ?? 5000),
    });
  }, [target, form, t]);
  if (!target) return null;
  const kindLabel = t(`money.bodies.kinds.${target.kind}`);
  const collective = target.kind !== approvalBodyKinds.codes[0];
  return (
    <FormModal
      title={
        target.body
          ? t('money.bodies.rulesTitle', { body: target.body.name })
          : t('money.bodies.setUpTitle', { kind: kindLabel })
      }
      okText={t('money.save')}
      form={form}
      pending={save.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await save.mutateAsync({
          name: v.name.trim(),
          chairRequired: v.chairRequired,
          presentBp: bp(v.presentPct),
          approveBp: bp(v.approvePct),
        });
        return target.body ? t('money.bodies.saved') : t('money.bodies.created', { name: v.name.trim() });
      }}
    >
      <Form.Item name="name" label={t('money.bodies.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <div style={{ display: collective ? undefined : 'none' }}>
        <Form.Item name="chairRequired" label={t('money.bodies.chairRequired')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="presentPct" label={t('money.bodies.presentPct')} rules={[{ required: true }]}>
          <InputNumber min={0} max={99.99} precision={2} style={{ width: 160 }} suffix="%" />
        </Form.Item>
        <Form.Item name="approvePct" label={t('money.bodies.approvePct')} rules={[{ required: true }]}>
          <InputNumber min={0} max={99.99} precision={2} style={{ width: 160 }} suffix="%" />
        </Form.Item>
      </div>
    </FormModal>
  );
}

/** 添加成员: an active approver of the node, as chair or member, from a date (to a date). */
export function MemberModal({ body, onClose }: { body: ApprovalBody | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ userId: number; role: 'chair' | 'member'; from: Dayjs; to?: Dayjs | null }>();
  const approvers = useApprovers(body?.orgId ?? 0, !!body);
  const add = useBodiesAction(
    (v: { userId: number; role: 'chair' | 'member'; fromDate: string; toDate: string | null }) =>
      bodiesApi.addMember(body?.id ?? 0, v),
  );
  useEffect(() => {
    if (body) form.setFieldsValue({ role: 'member', from: todayValue() });
  }, [body, form]);
  if (!body) return null;
  return (
    <FormModal
      title={t('money.bodies.addTitle', { body: body.name })}
      okText={t('money.save')}
      form={form}
      pending={add.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await add.mutateAsync({
          userId: v.userId,
          role: v.role,
          fromDate: day(v.from) as string,
          toDate: day(v.to),
        });
        return t('money.bodies.saved');
      }}
    >
      <Form.Item
        name="userId"
        label={t('money.bodies.user')}
        extra={t('money.bodies.userHint')}
        rules={[{ required: true, message: t('money.bodies.userRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={approvers.isFetching}
          options={(approvers.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.username}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="role" label={t('money.bodies.role')}>
        <Radio.Group
          options={(['chair', 'member'] as const).map((r) => ({ value: r, label: t(`money.bodies.roles.${r}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="from"
        label={t('money.bodies.from')}
        rules={[{ required: true, message: t('money.bodies.fromRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="to" label={t('money.bodies.to')}>
        <DatePicker placeholder={t('money.bodies.openEnded')} />
      </Form.Item>
    </FormModal>
  );
}

export type EndTarget = { body: ApprovalBody; member: ApprovalBody['members'][number] } | null;

/** 离任: the member's last day on the roster. */
export function EndModal({ target, onClose }: { target: EndTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ to: Dayjs }>();
  const end = useBodiesAction((to: string) =>
    bodiesApi.updateMember(target?.body.id ?? 0, target?.member.id ?? 0, { toDate: to }),
  );
  useEffect(() => {
    if (target) form.setFieldsValue({ to: todayValue() });
  }, [target, form]);
  if (!target) return null;
  return (
    <FormModal
      title={t('money.bodies.endTitle', { name: target.member.name })}
      okText={t('money.save')}
      form={form}
      pending={end.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await end.mutateAsync(day(v.to) as string);
        return t('money.bodies.saved');
      }}
    >
      <Form.Item name="to" label={t('money.bodies.endDate')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
