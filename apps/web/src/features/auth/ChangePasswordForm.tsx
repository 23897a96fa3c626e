import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConfirmPasswordItem } from '../../components/ConfirmPasswordItem';
import { useErrorText } from '../../lib/errors';
import { passwordRule } from '../../lib/validation';
import { useChangePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Current password, new password (contracts' policy checked as you type), confirmation. */
export function ChangePasswordForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const submit = (v: Values) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t('password.success'));
          form.resetFields();
          onDone?.();
        },
        onError: (e) => {
          const field = (e as { code?: string }).code === 'AUTH_WRONG_PASSWORD' ? 'currentPassword' : 'newPassword';
          form.setFields([{ name: field, errors: [errorText(e)] }]);
        },
      },
    );

  return (
    <Form
      form={form}
      name="changePassword"
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      data-testid="change-password-form"
    >
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policy')}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('password.newRequired') },
          passwordRule(t, () => username),
          ({ getFieldValue }) => ({
            validator: async (_r, value) => {
              if (value && value === getFieldValue('currentPassword')) throw new Error(t('password.same'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ConfirmPasswordItem />
      <Button type="primary" htmlType="submit" block loading={change.isPending} style={{ marginTop: 8 }}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
