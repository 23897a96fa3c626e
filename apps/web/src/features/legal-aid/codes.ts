import {
  legalAidActions,
  legalAidStatuses,
  legalCaseKinds,
  legalDisputeKinds,
  legalOutcomes,
  legalStepKinds,
} from '@bangfu/contracts';
import { useTranslation } from 'react-i18next';

/** Legal aid's code lists (Chinese from @bangfu/contracts, English in i18n/legalaid). */
export type LegalList = 'status' | 'dispute' | 'caseKind' | 'stepKind' | 'outcome' | 'action';

const lists: Record<LegalList, readonly string[]> = {
  status: legalAidStatuses.codes,
  dispute: legalDisputeKinds.codes,
  caseKind: legalCaseKinds.codes,
  stepKind: legalStepKinds.codes,
  outcome: legalOutcomes.codes,
  action: legalAidActions.codes,
};

export function useLegalCode(): (list: LegalList, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return (list, code) => (code ? t(`legalAid.codes.${list}.${code}`, { defaultValue: code }) : '—');
}

export function useLegalOptions(): (list: LegalList) => { value: string; label: string }[] {
  const code = useLegalCode();
  return (list) => lists[list].map((c) => ({ value: c, label: code(list, c) }));
}

export const statusColor: Record<string, string> = {
  pending: 'gold',
  refused: 'default',
  approved: 'blue',
  assigned: 'processing',
  closed: 'green',
  withdrawn: 'default',
};
