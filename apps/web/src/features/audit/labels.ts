import { useTranslation } from 'react-i18next';

/** The actions offered in the filter's list (a short display list; any action can be typed, and each has a label). */
export const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.login_locked',
  'auth.logout',
  'auth.change_password',
  'org.create',
  'org.update',
  'org.move',
  'org.activate',
  'org.deactivate',
  'org.import',
  'org.export',
  'user.create',
  'user.update',
  'user.reset_password',
  'user.read_personal',
  'user.export',
] as const;

export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => t(`auditAction.${action.replaceAll('.', '_')}`, { defaultValue: action });
}

export function useEntityLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => t(`audit.entity.${type}`, { defaultValue: type });
}
