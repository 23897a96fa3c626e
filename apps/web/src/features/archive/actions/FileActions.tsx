import { EditOutlined } from '@ant-design/icons';
import type { Action } from '@bangfu/contracts';
import { App, Button, Form, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/errors';
import { navigate } from '../../../lib/router';
import { todayValue } from '../../../lib/today';
import { usePermission } from '../../auth';
import { useCode } from '../codes';
import type { HouseholdDetail } from '../types';
import { type StepPath, useFileStep } from '../workflow-api';
import { StepFields, type StepValues, stepBody } from './StepFields';

interface Spec {
  step: StepPath;
  permission: Action;
  from: string[];
  primary?: boolean;
  danger?: boolean;
  /** A confirmation is enough: no form. */
  confirm?: boolean;
  when?: (f: HouseholdDetail) => boolean;
}

const ACTIVE = ['draft', 'submitted', 'on_notice', 'objection', 'pending_approval', 'filed', 'relieved'];

/** Which steps a file offers in which status (the server checks again: archive.workflow.ts, archive.manage.ts). */
export const STEPS: Spec[] = [
  { step: 'submit', permission: 'archive.write', from: ['draft'], primary: true, confirm: true },
  { step: 'review', permission: 'archive.review', from: ['submitted'], primary: true },
  { step: 'finish-notice', permission: 'archive.review', from: ['on_notice'], primary: true, confirm: true },
  { step: 'objection', permission: 'archive.review', from: ['on_notice'] },
  { step: 'verify', permission: 'archive.review', from: ['objection'], primary: true },
  { step: 'approve', permission: 'archive.approve', from: ['pending_approval'], primary: true },
  { step: 'reviews', permission: 'archive.write', from: ['filed', 'relieved'] },
  { step: 'relieve', permission: 'archive.approve', from: ['filed'] },
  { step: 'exit', permission: 'archive.approve', from: ['filed', 'relieved'] },
  { step: 'promote', permission: 'archive.approve', from: ['filed', 'relieved'], when: (f) => f.kind === 'temporary' },
  { step: 'transfer', permission: 'archive.approve', from: ACTIVE },
  { step: 'cancel', permission: 'archive.approve', from: ACTIVE, danger: true },
];

function initialValues(step: StepPath, file: HouseholdDetail): StepValues {
  if (step === 'review') return { decision: 'pass', visitedOn: todayValue() };
  if (step === 'verify') return { decision: 'renotice' };
  if (step === 'approve') return { decision: 'approve', grade: file.gradeProposed ?? undefined };
  if (step === 'reviews') return { method: 'visit', reviewedOn: todayValue() };
  return {};
}

/** The steps the signed-in user may take on this file now, each with its dialog. */
export function FileActions({ file, onStep }: { file: HouseholdDetail; onStep?: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const code = useCode();
  const can = usePermission();
  const run = useFileStep();
  const [open, setOpen] = useState<Spec | null>(null);
  const [form] = Form.useForm<StepValues>();
  const label = (s: StepPath) => t(`archive.step.title.${s}`);

  const done = (status: string) => {
    onStep?.();
    message.success(t('archive.step.done', { status: code('status', status) }));
  };
  const start = (s: Spec) => {
    if (s.confirm) {
      modal.confirm({
        title: label(s.step),
        content: t(`archive.step.confirm.${s.step}`, {
          noticeEnd: file.noticeEnd ? dayjs(file.noticeEnd).format('YYYY-MM-DD HH:mm') : '',
        }),
        okText: t('common.confirm'),
        onOk: () =>
          run
            .mutateAsync({ id: file.id, step: s.step })
            .then((r) => done(r.status))
            .catch((e: unknown) => {
              message.error(errorText(e));
            }),
      });
      return;
    }
    setOpen(s);
  };
  const submit = async (v: StepValues) => {
    if (!open) return;
    try {
      const r = await run.mutateAsync({ id: file.id, step: open.step, body: stepBody(open.step, v) });
      setOpen(null);
      done(r.status);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const editable = ['draft', 'submitted', 'objection'].includes(file.status) && can('archive.write');
  const steps = STEPS.filter((s) => s.from.includes(file.status) && can(s.permission) && (s.when?.(file) ?? true));

  return (
    <>
      <Space wrap data-testid="file-actions">
        {editable && (
          <Button icon={<EditOutlined />} onClick={() => navigate(`/archive/${file.id}/edit`)}>
            {t('common.edit')}
          </Button>
        )}
        {steps.map((s) => (
          <Button key={s.step} type={s.primary ? 'primary' : 'default'} danger={s.danger} onClick={() => start(s)}>
            {label(s.step)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!open}
        title={open ? `${label(open.step)} — ${file.name}（${file.fileNo}）` : ''}
        width={620}
        okText={t('common.confirm')}
        confirmLoading={run.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open && (
          <Form<StepValues>
            form={form}
            name="fileStep"
            layout="vertical"
            initialValues={initialValues(open.step, file)}
            onFinish={submit}
            preserve={false}
          >
            <StepFields step={open.step} file={file} />
          </Form>
        )}
      </Modal>
    </>
  );
}
