import {
  accountKinds,
  applicationStatuses,
  batchStatuses,
  fundSources,
  grades,
  grantStatuses,
  paymentMethods,
  programmes,
} from '@bangfu/contracts';
import { useTranslation } from 'react-i18next';

/** The money code lists of @bangfu/contracts (the dictionary's Chinese labels are theirs; English in money.en). */
const lists = {
  programme: programmes,
  fundSource: fundSources,
  account: accountKinds,
  batchStatus: batchStatuses,
  grantStatus: grantStatuses,
  method: paymentMethods,
  grade: grades,
  applicationStatus: applicationStatuses,
} as const;
export type MoneyList = keyof typeof lists;

export function useMoneyCode(): (list: MoneyList, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return (list, code) => {
    if (code === null || code === undefined || code === '') return '—';
    return t(`money.codes.${list}.${code}`, { defaultValue: code });
  };
}

/** Options of a Select over a code list, in the current language. */
export function useCodeOptions(): (list: MoneyList, only?: readonly string[]) => { value: string; label: string }[] {
  const code = useMoneyCode();
  return (list, only) =>
    (lists[list].codes as readonly string[])
      .filter((c) => !only || only.includes(c))
      .map((c) => ({ value: c, label: code(list, c) }));
}

export const batchStatusColor: Record<string, string> = {
  computing: 'processing',
  computed: 'blue',
  pending_approval: 'gold',
  approved: 'cyan',
  paying: 'purple',
  closed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

export const applicationStatusColor: Record<string, string> = {
  pending_approval: 'gold',
  approved: 'cyan',
  rejected: 'red',
  paid: 'green',
  failed: 'volcano',
  void: 'default',
};

export const grantStatusColor: Record<string, string> = {
  proposed: 'gold',
  approved: 'cyan',
  paid: 'green',
  failed: 'red',
  void: 'default',
};
