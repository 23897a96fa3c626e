import { useTranslation } from 'react-i18next';
import type { ApprovalBody } from './api';

/** The rules a body decides by, in words. */
export function useRulesText(): (
  b: Pick<ApprovalBody, 'kind' | 'chairRequired' | 'presentBp' | 'approveBp'>,
) => string {
  const { t } = useTranslation();
  return (b) =>
    b.kind === 'groupLeader'
      ? t('money.bodies.leaderRule')
      : t('money.bodies.rulesText', {
          chair: b.chairRequired ? t('money.bodies.chairMust') : '',
          present: b.presentBp / 100,
          approve: b.approveBp / 100,
        });
}
