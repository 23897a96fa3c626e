import { App, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../lib/errors';

/**
 * The dialog every write goes through: a vertical form, OK submits it; on success the returned text is shown and
 * the dialog closes; on failure the server's message (Chinese, with its code's meaning) is shown and the dialog
 * stays open with what was typed.
 */
export function FormModal<V>({
  open = true,
  title,
  okText,
  danger,
  width,
  form,
  pending,
  onClose,
  onSubmit,
  intro,
  after,
  onError,
  onValuesChange,
  children,
}: {
  open?: boolean;
  title: ReactNode;
  okText?: ReactNode;
  danger?: boolean;
  width?: number;
  form: FormInstance<V>;
  pending: boolean;
  onClose: () => void;
  /** Save the values; the text returned is the success message. */
  onSubmit: (values: V) => Promise<string | undefined>;
  /** Shown above the form (what the dialog will do, what is available). */
  intro?: ReactNode;
  /** Shown below the form (e.g. a refusal kept in view). */
  after?: ReactNode;
  /** Where a failure's message goes; by default a toast. */
  onError?: (text: string) => void;
  onValuesChange?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  return (
    <Modal
      open={open}
      width={width}
      title={title}
      okText={okText}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
    >
      {intro}
      <Form
        form={form}
        clearOnDestroy
        layout="vertical"
        requiredMark={false}
        onValuesChange={onValuesChange}
        onFinish={async (v) => {
          try {
            const done = await onSubmit(v);
            if (done) message.success(done);
            onClose();
          } catch (e) {
            (onError ?? message.error)(errorText(e));
          }
        }}
      >
        {children}
      </Form>
      {after}
    </Modal>
  );
}
