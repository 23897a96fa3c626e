import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Repeat the new password": must equal the form's newPassword field. */
export function ConfirmPasswordItem() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="confirm"
      label={t('password.confirm')}
      dependencies={['newPassword']}
      rules={[
        { required: true, message: t('password.confirmRequired') },
        ({ getFieldValue }) => ({
          validator: async (_r, value) => {
            if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
          },
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
