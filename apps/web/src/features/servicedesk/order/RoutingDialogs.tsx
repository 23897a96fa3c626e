import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { today } from '../../../lib/today';
import { useColleagues, useStep, type WorkOrderDetail } from '../api';
import { useDeskOptions } from '../codes';
import { SubtreeSelect } from './SubtreeSelect';

export interface DialogProps {
  o: WorkOrderDetail;
  onClose: () => void;
}

const opt = (v?: string) => v?.trim() || undefined;
const required = (message: string) => [{ required: true, whitespace: true, message }];

/** 转办: down to a union below the order's node (tree), or to an outside body with its reference. */
export function TransferDialog({ o, onClose }: DialogProps) {
  const { t } = useTranslation();
  const options = useDeskOptions();
  const step = useStep(o.id);
  const [form] = Form.useForm<{
    to: 'union' | 'outside';
    orgId?: number;
    outsideBody?: string;
    outsideName?: string;
    reference?: string;
    note?: string;
  }>();
  const to = Form.useWatch('to', form) ?? 'union';
  const [target, setTarget] = useState('');
  return (
    <FormModal
      title={t('servicedesk.order.dialog.transferTitle', { orderNo: o.orderNo })}
      okText={t('servicedesk.order.step.transfer')}
      form={form}
      pending={step.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        if (v.to === 'outside') {
          await step.mutateAsync({
            path: 'transfer',
            body: {
              outsideBody: v.outsideBody,
              outsideName: opt(v.outsideName),
              reference: v.reference?.trim(),
              note: opt(v.note),
            },
          });
          return t('servicedesk.order.done.transferOut');
        }
        await step.mutateAsync({ path: 'transfer', body: { orgId: v.orgId, note: opt(v.note) } });
        return t('servicedesk.order.done.transfer', { org: target });
      }}
    >
      <Form.Item name="to" initialValue="union">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'union', label: t('servicedesk.order.dialog.toUnion') },
            { value: 'outside', label: t('servicedesk.order.dialog.toOutside') },
          ]}
        />
      </Form.Item>
      {to === 'union' ? (
        <Form.Item
          name="orgId"
          label={t('servicedesk.order.dialog.union')}
          extra={t('servicedesk.order.dialog.unionHint', { org: o.org.name })}
          rules={[{ required: true, message: t('servicedesk.order.dialog.unionRequired') }]}
        >
          <SubtreeSelect root={o.org} onName={setTarget} />
        </Form.Item>
      ) : (
        <>
          <Form.Item
            name="outsideBody"
            label={t('servicedesk.order.dialog.outsideBody')}
            rules={[{ required: true, message: t('servicedesk.order.dialog.outsideBody') }]}
          >
            <Select options={options('outsideBody')} />
          </Form.Item>
          <Form.Item name="outsideName" label={t('servicedesk.order.dialog.outsideName')}>
            <Input maxLength={100} placeholder={t('servicedesk.order.dialog.outsideNamePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('servicedesk.order.dialog.reference')}
            rules={required(t('servicedesk.order.dialog.referenceRequired'))}
          >
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label={t('servicedesk.order.dialog.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 交办: to a colleague at the order's node who handles desk work. */
export function AssignDialog({ o, onClose }: DialogProps) {
  const { t } = useTranslation();
  const step = useStep(o.id);
  const colleagues = useColleagues(o.org.id);
  const [form] = Form.useForm<{ userId: number; note?: string }>();
  const list = (colleagues.data?.items ?? []).filter((c) => c.id !== o.owner?.id);
  return (
    <FormModal
      title={t('servicedesk.order.dialog.assignTitle', { orderNo: o.orderNo })}
      okText={t('servicedesk.order.step.assign')}
      form={form}
      pending={step.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await step.mutateAsync({ path: 'assign', body: { userId: v.userId, note: opt(v.note) } });
        return t('servicedesk.order.done.assign', { name: list.find((c) => c.id === v.userId)?.name ?? '' });
      }}
    >
      <Form.Item
        name="userId"
        label={t('servicedesk.order.dialog.colleague')}
        rules={[{ required: true, message: t('servicedesk.order.dialog.colleagueRequired') }]}
      >
        <Select
          loading={colleagues.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          options={list.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('servicedesk.order.dialog.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** A step that needs one text: 退回 (reason), 办理情况 (note), 督办报告 (report), 重新办理 (reason). */
export function TextDialog({
  o,
  onClose,
  kind,
  supervisionId,
}: DialogProps & { kind: 'return' | 'note' | 'report' | 'reopen'; supervisionId?: number }) {
  const { t } = useTranslation();
  const step = useStep(o.id);
  const [form] = Form.useForm<{ text: string }>();
  const d = (k: string, v?: Record<string, unknown>) => t(`servicedesk.order.dialog.${k}`, v);
  const sup = o.supervisions.find((s) => s.id === supervisionId);
  const spec = {
    return: {
      title: d('returnTitle', { orderNo: o.orderNo }),
      intro: d('returnHint', { by: o.sentBy ?? '—' }),
      label: d('reason'),
      rule: d('reasonRequired'),
      path: 'return',
      body: (x: string) => ({ reason: x }),
      max: 500,
    },
    note: {
      title: d('noteTitle', { orderNo: o.orderNo }),
      intro: null,
      label: d('noteLabel'),
      rule: d('noteRequired'),
      path: 'note',
      body: (x: string) => ({ note: x }),
      max: 2000,
    },
    report: {
      title: d('reportTitle', { org: sup?.supervisor.name ?? '' }),
      intro: sup
        ? t('servicedesk.order.supervisionLine', { org: sup.supervisor.name, due: sup.dueOn, demand: sup.demand })
        : null,
      label: d('report'),
      rule: d('reportRequired'),
      path: `supervisions/${supervisionId}/report`,
      body: (x: string) => ({ report: x }),
      max: 2000,
    },
    reopen: {
      title: d('reopenTitle', { orderNo: o.orderNo }),
      intro: d('reopenHint'),
      label: d('reason'),
      rule: d('reasonRequired'),
      path: 'reopen',
      body: (x: string) => ({ reason: x }),
      max: 500,
    },
  }[kind];
  return (
    <FormModal
      title={spec.title}
      okText={t(`servicedesk.order.step.${kind}`)}
      danger={kind === 'return'}
      form={form}
      pending={step.isPending}
      onClose={onClose}
      intro={spec.intro && <p>{spec.intro}</p>}
      onSubmit={async (v) => {
        const r = await step.mutateAsync({ path: spec.path, body: spec.body(v.text.trim()) });
        return t(`servicedesk.order.done.${kind}`, { dueOn: r.dueOn });
      }}
    >
      <Form.Item name="text" label={spec.label} rules={required(spec.rule)}>
        <Input.TextArea rows={4} maxLength={spec.max} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** 督办: an upper union sets the date of the report and what it demands. */
export function SuperviseDialog({ o, onClose }: DialogProps) {
  const { t } = useTranslation();
  const step = useStep(o.id);
  const [form] = Form.useForm<{ dueOn: Dayjs; demand: string }>();
  return (
    <FormModal
      title={t('servicedesk.order.dialog.superviseTitle', { orderNo: o.orderNo })}
      okText={t('servicedesk.order.step.supervise')}
      form={form}
      pending={step.isPending}
      onClose={onClose}
      onSubmit={async (v) => {
        await step.mutateAsync({
          path: 'supervise',
          body: { dueOn: v.dueOn.format('YYYY-MM-DD'), demand: v.demand.trim() },
        });
        return t('servicedesk.order.done.supervise');
      }}
    >
      <Form.Item
        name="dueOn"
        label={t('servicedesk.order.dialog.dueOn')}
        rules={[{ required: true, message: t('servicedesk.order.dialog.dueOnRequired') }]}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today()} />
      </Form.Item>
      <Form.Item
        name="demand"
        label={t('servicedesk.order.dialog.demand')}
        rules={required(t('servicedesk.order.dialog.demandRequired'))}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
