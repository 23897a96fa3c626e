import { ApartmentOutlined, DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@bangfu/contracts';
import { App, Avatar, Button, Dropdown, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';
import { LangSwitch } from '../components/LangSwitch';
import { useLogout } from '../features/auth/api';
import { Link, navigate } from '../lib/router';

const white = { color: '#fff' };

export function HeaderBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const logout = useLogout();

  const signOut = () => logout.mutate(undefined, { onSettled: () => message.success(t('header.signedOut')) });

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        background: 'linear-gradient(90deg, #8c0d14 0%, #b8141d 55%, #c62828 100%)',
        boxShadow: '0 1px 4px rgba(0,0,0,0.2)',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, ...white }}>
        <BrandMark size={30} />
        <span style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{t('app.title')}</span>
      </Link>
      <div style={{ flex: 1 }} />
      <Space size={4} align="center">
        <Typography.Text style={{ ...white, opacity: 0.9 }} data-testid="header-org">
          <ApartmentOutlined style={{ marginRight: 6 }} />
          {me.orgName}
        </Typography.Text>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
              { type: 'divider' },
              { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
            ],
            onClick: ({ key }) => (key === 'logout' ? signOut() : navigate('/password')),
          }}
        >
          <Button type="text" style={{ ...white, marginLeft: 12 }} data-testid="user-menu">
            <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.25)' }} />
            <span>{me.displayName}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
        <LangSwitch style={white} />
      </Space>
    </Layout.Header>
  );
}
