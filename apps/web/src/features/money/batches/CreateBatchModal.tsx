import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../../components/OrgSelect';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { nextQuarter } from '../../../lib/today';
import { usePermission } from '../../auth';
import { batchApi, type FundChoice, useBatchAction, useFundChoices, useFunds } from '../api';
import { useCodeOptions, useMoneyCode } from '../codes';
import { quarterOptions, yuan } from '../money';

/** Programmes a batch can compute today (the server's BatchInputSchema). */
const BATCH_PROGRAMMES = ['living'] as const;

interface Values {
  orgId: number;
  programme: 'living';
  period: string;
  method: 'bank' | 'cash';
  fundId: number;
  title?: string;
}

/** 新建发放批次: programme, quarter, payment method and the fund it is paid from; computed in the background. */
export function CreateBatchModal({ orgId, open, onClose }: { orgId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const code = useMoneyCode();
  const options = useCodeOptions();
  const [form] = Form.useForm<Values>();
  const node = Form.useWatch('orgId', form) ?? orgId;
  const programme = Form.useWatch('programme', form) ?? 'living';
  const can = usePermission();
  const choices = useFundChoices(node, programme, open);
  // Balances only for those who may read them (finance, approvers); proposers see the names.
  const balances = useFunds(node, open && can('fund.read'));
  const create = useBatchAction((v: Values) => batchApi.create(v));
  const usable = choices.data?.items ?? [];
  const cashOf = (id: number) => balances.data?.items.find((f) => f.id === id)?.balances.cash;

  const fundLabel = (f: FundChoice) => {
    const use = f.restrictedProgramme
      ? t('money.funds.restrictedTo', { programme: code('programme', f.restrictedProgramme) })
      : t('money.funds.unrestricted');
    const cash = cashOf(f.id);
    const balance = cash === undefined ? '' : `，${t('money.batches.balance', { amount: yuan(cash) })}`;
    return `${f.name}（${f.year}，${use}${balance}）`;
  };

  useEffect(() => {
    if (open) form.setFieldsValue({ orgId, programme: 'living', period: nextQuarter(), method: 'bank' });
  }, [open, orgId, form]);

  return (
    <Modal
      open={open}
      title={t('money.batches.createTitle')}
      okText={t('money.batches.createOk')}
      cancelText={t('money.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('money.batches.createHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        onFinish={async (v) => {
          try {
            const b = (await create.mutateAsync({ ...v, title: v.title?.trim() || undefined })) as { id: number };
            message.success(t('money.batches.created'));
            onClose();
            navigate(`/batches/${b.id}`);
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <Form.Item name="orgId" label={t('money.batches.org')} rules={[{ required: true }]}>
          <OrgSelect onChange={(id) => id && form.setFieldsValue({ orgId: id, fundId: undefined })} />
        </Form.Item>
        <Form.Item name="programme" label={t('money.programme')} rules={[{ required: true }]}>
          <Select options={options('programme', BATCH_PROGRAMMES)} />
        </Form.Item>
        <Form.Item name="period" label={t('money.batches.period')} rules={[{ required: true }]}>
          <Select
            showSearch
            options={quarterOptions().map((q) => ({
              value: q,
              label: t('money.batches.quarterLabel', { year: q.slice(0, 4), q: q.slice(5) }),
            }))}
          />
        </Form.Item>
        <Form.Item name="method" label={t('money.batches.method')} rules={[{ required: true }]}>
          <Radio.Group options={options('method')} />
        </Form.Item>
        <Form.Item
          name="fundId"
          label={t('money.batches.fund')}
          rules={[{ required: true, message: t('money.batches.fundRequired') }]}
          extra={
            usable.length === 0 && choices.data
              ? t('money.batches.noFund', { programme: code('programme', programme) })
              : undefined
          }
        >
          <Select loading={choices.isFetching} options={usable.map((f) => ({ value: f.id, label: fundLabel(f) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('money.batches.titleOptional')}>
          <Input maxLength={100} placeholder={t('money.batches.titlePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
