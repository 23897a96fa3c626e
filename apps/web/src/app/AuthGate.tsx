import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { meKey, useMe } from '../features/auth/api';
import { ForcedPasswordPage } from '../features/auth/ForcedPasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { getReturnTo, setLoginNotice, setReturnTo } from '../features/auth/notice';
import { useErrorText } from '../lib/errors';
import { navigate, Redirect, usePathname } from '../lib/router';
import { onSessionEvent } from '../lib/session-events';
import { AppLayout } from './AppLayout';
import { allowedRoutes, homePath } from './routes';

export function FullPageSpin() {
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/**
 * Decides what the user may see: the login page without a session, the forced password change while
 * `mustChangePassword`, otherwise the application. Reacts to session events reported by any request.
 */
export function AuthGate() {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { data: me, isPending, error, refetch } = useMe();
  const path = usePathname();

  useEffect(
    () =>
      onSessionEvent((e) => {
        if (e.kind === 'lost') {
          const wasSignedIn = !!qc.getQueryData(meKey);
          if (wasSignedIn || e.error.code === 'AUTH_SESSION_EXPIRED') setLoginNotice(e.error);
          if (wasSignedIn && window.location.pathname !== '/login') setReturnTo(window.location.pathname);
          qc.setQueryData(meKey, null);
          setTimeout(() => qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] }), 0);
          navigate('/login', { replace: true });
        } else {
          void qc.invalidateQueries({ queryKey: meKey });
          navigate('/password', { replace: true });
        }
      }),
    [qc],
  );

  if (isPending) return <FullPageSpin />;
  if (error)
    return (
      <Result
        status="error"
        title={t('app.unavailable')}
        subTitle={errorText(error)}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  if (!me) {
    if (path !== '/login') {
      if (path !== '/') setReturnTo(path);
      return <Redirect to="/login" />;
    }
    return <LoginPage />;
  }
  if (me.mustChangePassword) {
    if (path !== '/password') return <Redirect to="/password" />;
    return <ForcedPasswordPage me={me} />;
  }
  if (path === '/login' || path === '/') {
    const returnTo = getReturnTo();
    const back = returnTo && allowedRoutes(me.permissions).some((r) => r.path === returnTo) ? returnTo : null;
    return <Redirect to={back ?? homePath(me.permissions)} />;
  }
  return (
    <Suspense fallback={<FullPageSpin />}>
      <AppLayout me={me} path={path} />
    </Suspense>
  );
}
