import type { Me } from '@bangfu/contracts';
import { Button, Layout, Menu, Result, Spin } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setReturnTo } from '../features/auth/notice';
import { useIdleWatch } from '../features/auth/useIdleWatch';
import { navigate } from '../lib/router';
import { HeaderBar } from './HeaderBar';
import { allowedRoutes, homePath, menuRoutes, PasswordPage } from './routes';

function PageFallback() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

/** The signed-in frame: red header, side menu filtered by permissions, the page. */
export function AppLayout({ me, path }: { me: Me; path: string }) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  useIdleWatch(me.idleTimeoutMinutes);
  useEffect(() => setReturnTo(null), []);

  const routes = allowedRoutes(me.permissions);
  const current = routes.find((r) => path === r.path || path.startsWith(`${r.path}/`));
  let page = null;
  if (current) page = <current.page />;
  else if (path === '/password') page = <PasswordPage />;
  else {
    const forbidden = menuRoutes.some((r) => path === r.path || path.startsWith(`${r.path}/`));
    page = (
      <Result
        status={forbidden ? '403' : '404'}
        title={forbidden ? t('app.forbidden') : t('app.notFound')}
        subTitle={forbidden ? t('app.forbiddenHint') : t('app.notFoundHint')}
        extra={
          <Button type="primary" onClick={() => navigate(homePath(me.permissions))}>
            {t('app.backHome')}
          </Button>
        }
      />
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <HeaderBar me={me} />
      <Layout>
        <Layout.Sider
          width={216}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          style={{
            borderRight: '1px solid #eceef1',
            position: 'sticky',
            top: 56,
            height: 'calc(100vh - 56px)',
            overflow: 'auto',
          }}
        >
          <Menu
            mode="inline"
            aria-label={t('menu.label')}
            selectedKeys={current ? [current.path] : []}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            items={routes.map((r) => ({ key: r.path, icon: r.icon, label: t(r.label) }))}
            onClick={({ key }) => navigate(key)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>
          <Suspense fallback={<PageFallback />}>{page}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
