import { KeyOutlined, UserAddOutlined } from '@ant-design/icons';
import type { CreateWorkerAccount } from '@bangfu/contracts';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { useErrorText } from '../../lib/errors';
import { passwordRule } from '../../lib/validation';
import { useIssueBindCode, useOpenWorkerAccount } from './api';

/**
 * On the file page, for staff holding user.write over the file: 开通职工账号 (the worker's account opened from
 * the file, linked to it) and 生成绑定码 (a one-time code the worker enters with their ID number).
 */
export function WorkerAccess({ householdId, name }: { householdId: number; name: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<CreateWorkerAccount>();
  const open = useOpenWorkerAccount(householdId);
  const issue = useIssueBindCode(householdId);

  const issueCode = () =>
    issue.mutate(undefined, {
      onSuccess: (c) =>
        modal.info({
          title: t('self.codeTitle'),
          content: (
            <Space direction="vertical">
              <Typography.Text copyable strong style={{ fontSize: 22 }} data-testid="bind-code">
                {c.code}
              </Typography.Text>
              <span>{t('self.codeHint', { until: dayjs(c.expiresAt).format('YYYY-MM-DD HH:mm') })}</span>
            </Space>
          ),
        }),
      onError: (e) => message.error(errorText(e)),
    });

  return (
    <Space>
      <Button icon={<UserAddOutlined />} onClick={() => setOpening(true)}>
        {t('self.openAccount')}
      </Button>
      <Button icon={<KeyOutlined />} loading={issue.isPending} onClick={issueCode}>
        {t('self.issueCode')}
      </Button>
      {opening && (
        <FormModal
          title={t('self.openAccountTitle', { name })}
          form={form}
          pending={open.isPending}
          onClose={() => setOpening(false)}
          intro={t('self.openAccountHint')}
          onSubmit={async (v) => {
            const u = await open.mutateAsync(v);
            return t('self.accountOpened', { username: u.username });
          }}
        >
          <Form.Item name="username" label={t('users.field.username')} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.field.initialPassword')}
            extra={t('password.policy')}
            rules={[{ required: true }, passwordRule(t, () => form.getFieldValue('username'))]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="phone" label={t('users.field.phone')}>
            <Input autoComplete="off" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
