import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { fenOf } from '../../money/money';
import { YuanInput } from '../../money/ui';
import { useStep } from '../api';
import { useDeskOptions } from '../codes';
import type { DialogProps } from './RoutingDialogs';

const opt = (v?: string) => v?.trim() || undefined;

/** The one extension: the owner asks with a reason and the working days. */
export function ExtensionDialog({ o, onClose }: DialogProps) {
  const { t } = useTranslation();
  const step = useStep(o.id);
  const [form] = Form.useForm<{ reason: string; workingDays: number }>();
  return (
    <FormModal
      title={t('servicedesk.order.dialog.extensionTitle', { orderNo: o.orderNo })}
      okText={t('servicedesk.order.step.extension')}
      form={form}
      pending={step.isPending}
      onClose={onClose}
      intro={<p>{t('servicedesk.order.dialog.extensionHint', { dueOn: o.dueOn })}</p>}
      onSubmit={async (v) => {
        await step.mutateAsync({ path: 'extension', body: { reason: v.reason.trim(), workingDays: v.workingDays } });
        return t('servicedesk.order.done.extension');
      }}
    >
      <Form.Item
        name="workingDays"
        label={t('servicedesk.order.dialog.workingDays')}
        initialValue={5}
        rules={[{ required: true, type: 'number', min: 1, max: 60 }]}
      >
        <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('servicedesk.order.dialog.reason')}
        rules={[{ required: true, whitespace: true, message: t('servicedesk.order.dialog.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** The owner's superior approves or refuses the extension. */
export function ExtensionDecisionDialog({ o, onClose }: DialogProps) {
  const { t } = useTranslation();
  const step = useStep(o.id);
  const [form] = Form.useForm<{ approve: boolean; note?: string }>();
  return (
    <FormModal
      title={t('servicedesk.order.dialog.decisionTitle', { orderNo: o.orderNo })}
      okText={t('servicedesk.order.step.extensionDecision')}
      form={form}
      pending={step.isPending}
      onClose={onClose}
      intro={
        <p>
          {t('servicedesk.order.dialog.decisionHint', {
            by: o.extension?.requestedBy ?? '—',
            days: o.extension?.workingDays ?? 0,
            reason: o.extension?.reason ?? '',
          })}
        </p>
      }
      onSubmit={async (v) => {
        await step.mutateAsync({ path: 'extension/decision', body: { approve: v.approve, note: opt(v.note) } });
        return t('servicedesk.order.done.extensionDecision');
      }}
    >
      <Form.Item name="approve" label={t('servicedesk.order.dialog.decision')} initialValue={true}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('servicedesk.order.dialog.approve') },
            { value: false, label: t('servicedesk.order.dialog.refuse') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('servicedesk.order.dialog.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 件件有答复: close with how the person was answered, the result and the wages recovered (元 typed, 分 sent). */
export function CloseDialog({ o, onClose }: DialogProps) {
  const { t } = useTranslation();
  const options = useDeskOptions();
  const step = useStep(o.id);
  const [form] = Form.useForm<{ replyMethod: string; reply: string; result: string; wages?: string | null }>();
  return (
    <FormModal
      title={t('servicedesk.order.dialog.closeTitle', { orderNo: o.orderNo })}
      okText={t('servicedesk.order.step.close')}
      width={600}
      form={form}
      pending={step.isPending}
      onClose={onClose}
      intro={<p>{t('servicedesk.order.dialog.closeHint')}</p>}
      onSubmit={async (v) => {
        await step.mutateAsync({
          path: 'close',
          body: {
            replyMethod: v.replyMethod,
            reply: v.reply.trim(),
            result: v.result,
            wagesRecoveredFen: fenOf(v.wages) ?? 0,
          },
        });
        return t('servicedesk.order.done.close');
      }}
    >
      <Form.Item
        name="replyMethod"
        label={t('servicedesk.order.dialog.replyMethod')}
        initialValue="phone"
        rules={[{ required: true, message: t('servicedesk.order.dialog.replyMethodRequired') }]}
      >
        <Select options={options('replyMethod')} />
      </Form.Item>
      <Form.Item
        name="reply"
        label={t('servicedesk.order.dialog.reply')}
        rules={[{ required: true, whitespace: true, message: t('servicedesk.order.dialog.replyRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        name="result"
        label={t('servicedesk.order.dialog.result')}
        rules={[{ required: true, message: t('servicedesk.order.dialog.resultRequired') }]}
      >
        <Select options={options('result')} />
      </Form.Item>
      <Form.Item
        name="wages"
        label={t('servicedesk.order.dialog.wages')}
        extra={t('servicedesk.order.dialog.wagesHint')}
      >
        <YuanInput />
      </Form.Item>
    </FormModal>
  );
}

/** 回访: the person's satisfaction. */
export function CallbackDialog({ o, onClose }: DialogProps) {
  const { t } = useTranslation();
  const options = useDeskOptions();
  const step = useStep(o.id);
  const [form] = Form.useForm<{ satisfaction: string; note?: string }>();
  return (
    <FormModal
      title={t('servicedesk.order.dialog.callbackTitle', { orderNo: o.orderNo })}
      okText={t('servicedesk.order.step.callback')}
      form={form}
      pending={step.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await step.mutateAsync({ path: 'callback', body: { satisfaction: v.satisfaction, note: opt(v.note) } });
        return t('servicedesk.order.done.callback');
      }}
    >
      <Form.Item
        name="satisfaction"
        label={t('servicedesk.order.dialog.satisfaction')}
        rules={[{ required: true, message: t('servicedesk.order.dialog.satisfactionRequired') }]}
      >
        <Radio.Group optionType="button" buttonStyle="solid" options={options('satisfaction')} />
      </Form.Item>
      <Form.Item name="note" label={t('servicedesk.order.dialog.callbackNote')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
