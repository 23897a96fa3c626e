import { StopOutlined } from '@ant-design/icons';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import { bodiesApi, useBodiesAction } from './api';

/**
 * 拒绝支付 (finance, on an approved batch or application nobody has started paying): with a reason, it goes back
 * to the approvers (seed 000: 財務人員有權拒絕支付).
 */
export function RefusePaymentButton({ type, id }: { type: 'batch' | 'application'; id: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const refuse = useBodiesAction((reason: string) => bodiesApi.refusePayment(type, id, reason));
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)}>
        {t('money.refuse.button')}
      </Button>
      <FormModal
        open={open}
        title={t('money.refuse.title')}
        okText={t('money.refuse.button')}
        danger
        form={form}
        pending={refuse.isPending}
        onClose={() => setOpen(false)}
        intro={<Typography.Paragraph type="secondary">{t('money.refuse.intro')}</Typography.Paragraph>}
        onSubmit={async (v) => {
          await refuse.mutateAsync(v.reason.trim());
          return t('money.refuse.done');
        }}
      >
        <Form.Item
          name="reason"
          label={t('money.refuse.reason')}
          rules={[{ required: true, whitespace: true, message: t('money.refuse.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
