import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { useErrorText } from '../../../lib/errors';
import { todayValue } from '../../../lib/today';
import { type ProgrammeTemplateInfo, useAdoptRule } from '../api';
import { ParamsEditor } from './ParamsEditor';
import { fromForm, toForm } from './params';

export interface AdoptTarget {
  template: ProgrammeTemplateInfo;
  /** The numbers to start from: the version in force at the node, else the template's (the seed's). */
  base: Record<string, unknown>;
  baseLabel: string;
}

interface Values {
  effectiveFrom: Dayjs;
  note?: string;
  params: unknown;
}

/** 采用/调整: a node adopts a template with its own numbers from an effective date (a new version). */
export function AdoptModal(props: { orgId: number; orgName: string; target: AdoptTarget | null; onClose: () => void }) {
  const { target } = props;
  // A fresh form for every template opened, so no value of the last one lingers.
  return target ? <AdoptDialog key={`${target.template.id}/${target.baseLabel}`} {...props} target={target} /> : null;
}

function AdoptDialog({
  orgId,
  orgName,
  target,
  onClose,
}: {
  orgId: number;
  orgName: string;
  target: AdoptTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const adopt = useAdoptRule();
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    try {
      const r = await adopt.mutateAsync({
        orgId,
        templateId: target.template.id,
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        params: fromForm(v.params, target.base) as Record<string, unknown>,
        note: v.note?.trim() || undefined,
      });
      message.success(t('money.rules.adopted', { name: label(target.template.name), version: r.version }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) {
        const list = e.issues.map((i) => `${i.path}: ${i.message}`).join('；');
        message.error(`${errorText(e)}${list ? `（${list}）` : ''}`);
      } else message.error(errorText(e));
    }
  };

  return (
    <Modal
      open
      width={900}
      title={t('money.rules.adoptTitle', { name: label(target.template.name) })}
      okText={t('money.rules.adoptOk')}
      cancelText={t('money.cancel')}
      onCancel={onClose}
      confirmLoading={adopt.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('money.rules.adoptFor', { org: orgName })} · {target.baseLabel}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${t('money.rules.source')}：${target.template.source.seed} ${target.template.source.part}`}
        description={<span style={{ fontSize: 13 }}>「{target.template.source.quote}」</span>}
      />
      <Form<Values>
        form={form}
        clearOnDestroy
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ effectiveFrom: todayValue().add(1, 'day'), params: toForm(target.base) }}
      >
        <Form.Item
          name="effectiveFrom"
          label={t('money.rules.effectiveFrom')}
          rules={[{ required: true, message: t('money.rules.effectiveRequired') }]}
        >
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <ParamsEditor base={target.base} />
        <Form.Item name="note" label={t('money.rules.note')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('money.rules.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
