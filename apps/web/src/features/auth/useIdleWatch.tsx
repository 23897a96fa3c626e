import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { lastActivityAt } from '../../lib/session-events';
import { fetchMe, meKey } from './api';

const WARN_KEY = 'bangfu-idle-warning';

/**
 * The server ends a session after `idleMinutes` without requests. Shortly before that, offer to continue;
 * once it has passed, ask the server — it answers AUTH_SESSION_EXPIRED and the gate returns to the login page
 * with that message. (The server touches the session at most once a minute, hence the margins.)
 */
export function useIdleWatch(idleMinutes: number): void {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const warnedFor = useRef(0);

  useEffect(() => {
    const idleMs = idleMinutes * 60_000;
    const keepAlive = () => {
      notification.destroy(WARN_KEY);
      void api.get('/auth/me');
    };
    const timer = setInterval(() => {
      const since = lastActivityAt();
      const idle = Date.now() - since;
      if (idle > idleMs + 5_000) {
        notification.destroy(WARN_KEY);
        void fetchMe().then((me) => {
          if (me) qc.setQueryData(meKey, me);
        });
      } else if (idleMinutes >= 3 && idle > idleMs - 120_000 && warnedFor.current !== since) {
        warnedFor.current = since;
        notification.warning({
          key: WARN_KEY,
          title: t('idle.title'),
          description: t('idle.warning'),
          duration: 0,
          actions: (
            <Button type="primary" size="small" onClick={keepAlive}>
              {t('idle.keep')}
            </Button>
          ),
        });
      }
    }, 15_000);
    return () => clearInterval(timer);
  }, [idleMinutes, notification, t, qc]);
}
