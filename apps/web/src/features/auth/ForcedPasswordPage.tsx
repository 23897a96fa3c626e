import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Me } from '@bangfu/contracts';
import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/router';
import { AuthShell } from './AuthShell';
import { useLogout } from './api';
import { ChangePasswordForm } from './ChangePasswordForm';

/** First sign-in (or after an administrator's reset): the new password comes before anything else. */
export function ForcedPasswordPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <AuthShell>
      <Card style={{ width: 420, boxShadow: '0 8px 30px rgba(0,0,0,0.18)' }} variant="borderless">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <SafetyCertificateOutlined style={{ color: '#b8141d', marginRight: 8 }} />
          {t('password.forcedTitle')}
        </Typography.Title>
        <Alert type="warning" showIcon title={t('password.forcedHint')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph type="secondary">
          {t('password.account', { username: me.username, name: me.displayName })}
        </Typography.Paragraph>
        <ChangePasswordForm username={me.username} onDone={() => navigate('/', { replace: true })} />
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => logout.mutate()}>
          {t('header.logout')}
        </Button>
      </Card>
    </AuthShell>
  );
}
