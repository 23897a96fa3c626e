import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { AuthShell } from './AuthShell';
import { useLogin } from './api';
import { useLoginNotice } from './notice';

interface Values {
  username: string;
  password: string;
}

function remainingAttempts(e: unknown): number | undefined {
  if (!isApiError(e, 'AUTH_INVALID_CREDENTIALS')) return undefined;
  const n = (e.details as { remainingAttempts?: unknown } | null)?.remainingAttempts;
  return typeof n === 'number' ? n : undefined;
}

export function LoginPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const login = useLogin();
  const { modal } = App.useApp();
  const notice = useLoginNotice();
  const failure = login.error;
  const remaining = remainingAttempts(failure);

  return (
    <AuthShell>
      <Card style={{ width: 380, boxShadow: '0 8px 30px rgba(0,0,0,0.18)' }} variant="borderless">
        <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Title>
        {notice && !failure && (
          <Alert
            type="warning"
            showIcon
            title={errorText(notice)}
            style={{ marginBottom: 16 }}
            data-testid="login-notice"
          />
        )}
        {failure && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText(failure)}
            description={
              remaining !== undefined && remaining < 5 ? t('login.remaining', { count: remaining }) : undefined
            }
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<Values>
          name="login"
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) =>
            login.mutate(
              { username: v.username.trim(), password: v.password },
              {
                // A lock since the last sign-in is told only now, after the right password (issue 8).
                onSuccess: (me) => {
                  if (me.lockoutNotice)
                    modal.warning({
                      title: t('login.lockoutNotice', { until: dayjs(me.lockoutNotice).format('YYYY-MM-DD HH:mm') }),
                    });
                },
              },
            )
          }
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder={t('login.username')} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              placeholder={t('login.password')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.hint')}
        </Typography.Paragraph>
      </Card>
    </AuthShell>
  );
}
