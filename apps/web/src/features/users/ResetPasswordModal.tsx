import type { User } from '@bangfu/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmPasswordItem } from '../../components/ConfirmPasswordItem';
import { useErrorText } from '../../lib/errors';
import { passwordRule } from '../../lib/validation';
import { useResetPassword } from './api';

/** 重置密码: the administrator sets a new initial password; the user must change it at next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const reset = useResetPassword();
  if (!user) return null;

  const submit = (v: { newPassword: string }) =>
    reset.mutate(
      { id: user.id, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t('users.reset.done', { name: user.displayName }));
          onClose();
        },
        onError: (e) => form.setFields([{ name: 'newPassword', errors: [errorText(e)] }]),
      },
    );

  return (
    <Modal
      open
      title={t('users.reset.title', { name: user.displayName, username: user.username })}
      okText={t('users.reset.ok')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('users.reset.hint')} style={{ margin: '16px 0' }} />
      <Form form={form} name="resetPassword" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="newPassword"
          label={t('users.field.initialPassword')}
          extra={t('password.policy')}
          rules={[{ required: true, message: t('password.newRequired') }, passwordRule(t, () => user.username)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ConfirmPasswordItem />
      </Form>
    </Modal>
  );
}
