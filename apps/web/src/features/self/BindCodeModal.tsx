import type { SelfBind } from '@bangfu/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { useBind } from './api';

/** 输入绑定码: the code from the worker's union and their own ID number link the account to their file. */
export function BindCodeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SelfBind>();
  const bind = useBind();
  return (
    <FormModal
      title={t('self.bindTitle')}
      okText={t('self.bindOk')}
      form={form}
      pending={bind.isPending}
      onClose={onClose}
      intro={t('self.bindHint')}
      onSubmit={async (v) => {
        const r = await bind.mutateAsync(v);
        return t('self.bound', { fileNo: r.fileNo });
      }}
    >
      <Form.Item name="code" label={t('self.bindCode')} rules={[{ required: true, min: 6 }]}>
        <Input autoComplete="off" placeholder="XXXXX-XXXXX" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('self.bindId')} rules={[{ required: true, min: 15 }]}>
        <Input autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
