import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { OrgSelect } from '../../../components/OrgSelect';
import { thisYear } from '../../../lib/today';
import { type FundView, useAllocation, useCreateFund, useReceipt } from '../api';
import { useCodeOptions } from '../codes';
import { fenOf, yuan } from '../money';
import { YuanInput } from '../ui';

const NO_RESTRICTION = '';

/** 新建资金: source, year and whether it is restricted to one programme (专款专用). */
export function CreateFundModal({
  orgId,
  orgName,
  open,
  onClose,
}: {
  orgId: number;
  orgName: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const options = useCodeOptions();
  const create = useCreateFund();
  const [form] = Form.useForm<{ name: string; source: string; restricted: string; year: number; note?: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ year: thisYear(), restricted: NO_RESTRICTION, source: 'government' });
  }, [open, form]);
  return (
    <FormModal
      open={open}
      title={t('money.funds.createTitle', { org: orgName })}
      okText={t('money.save')}
      form={form}
      pending={create.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await create.mutateAsync({
          orgId,
          name: v.name.trim(),
          source: v.source,
          restrictedProgramme: v.restricted || null,
          year: v.year,
          note: v.note?.trim() || undefined,
        });
        return t('money.funds.created', { name: v.name.trim() });
      }}
    >
      <Form.Item name="name" label={t('money.funds.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input placeholder={t('money.funds.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="source" label={t('money.funds.source')} rules={[{ required: true }]}>
        <Select options={options('fundSource')} />
      </Form.Item>
      <Form.Item name="restricted" label={t('money.funds.restriction')} extra={t('money.funds.restrictionHint')}>
        <Select options={[{ value: NO_RESTRICTION, label: t('money.funds.unrestricted') }, ...options('programme')]} />
      </Form.Item>
      <Form.Item name="year" label={t('money.funds.year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="note" label={t('money.funds.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 收款: money received into the fund at its own node (Dr 专户存款 / Cr 资金来源). */
export function ReceiptModal({ fund, onClose }: { fund: FundView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const receive = useReceipt();
  const [form] = Form.useForm<{ amount: string; memo: string }>();
  if (!fund) return null;
  return (
    <FormModal
      title={t('money.funds.receiptTitle', { name: fund.name })}
      okText={t('money.funds.receiptOk')}
      form={form}
      pending={receive.isPending}
      onClose={onClose}
      intro={<Typography.Paragraph type="secondary">{t('money.funds.receiptHint')}</Typography.Paragraph>}
      onSubmit={async (v) => {
        const amountFen = fenOf(v.amount) ?? 0;
        await receive.mutateAsync({ fundId: fund.id, amountFen, memo: v.memo.trim() });
        return t('money.funds.received', { amount: yuan(amountFen) });
      }}
    >
      <Form.Item
        name="amount"
        label={t('money.funds.amount')}
        rules={[{ required: true, message: t('money.amountRequired') }]}
      >
        <YuanInput min="0.01" />
      </Form.Item>
      <Form.Item name="memo" label={t('money.funds.memo')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input placeholder={t('money.funds.receiptMemoPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}

/** 下拨: allocate down the tree; the money keeps its fund and restriction at the receiving node. */
export function AllocationModal({
  fund,
  fromOrgId,
  onClose,
}: {
  fund: FundView | null;
  fromOrgId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const allocate = useAllocation();
  const [form] = Form.useForm<{ toOrgId: number; amount: string; memo: string }>();
  if (!fund) return null;
  return (
    <FormModal
      title={t('money.funds.allocateTitle', { name: fund.name })}
      okText={t('money.funds.allocateOk')}
      form={form}
      pending={allocate.isPending}
      onClose={onClose}
      intro={
        <Typography.Paragraph type="secondary">
          {t('money.funds.available', { amount: yuan(fund.balances.cash ?? 0) })}
        </Typography.Paragraph>
      }
      onSubmit={async (v) => {
        const amountFen = fenOf(v.amount) ?? 0;
        await allocate.mutateAsync({
          fundId: fund.id,
          fromOrgId,
          toOrgId: v.toOrgId,
          amountFen,
          memo: v.memo.trim(),
        });
        return t('money.funds.allocated', { amount: yuan(amountFen) });
      }}
    >
      <Form.Item
        name="toOrgId"
        label={t('money.funds.toOrg')}
        rules={[{ required: true, message: t('money.funds.toOrgRequired') }]}
      >
        <OrgSelect
          disabledReason={(o) => (o.id === fromOrgId ? t('money.funds.notSelf') : null)}
          placeholder={t('money.funds.toOrgPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('money.funds.amount')}
        rules={[{ required: true, message: t('money.amountRequired') }]}
      >
        <YuanInput min="0.01" />
      </Form.Item>
      <Form.Item name="memo" label={t('money.funds.memo')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input placeholder={t('money.funds.allocateMemoPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
