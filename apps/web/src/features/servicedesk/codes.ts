import {
  outsideBodies,
  replyMethods,
  satisfactions,
  workOrderActions,
  workOrderCategories,
  workOrderChannels,
  workOrderDifficulties,
  workOrderQueues,
  workOrderResults,
  workOrderStatuses,
  workOrderUrgencies,
} from '@bangfu/contracts';
import { useTranslation } from 'react-i18next';

/** The rights desk's code lists of @bangfu/contracts (Chinese labels theirs; English in i18n/servicedesk). */
const lists = {
  channel: workOrderChannels,
  category: workOrderCategories,
  urgency: workOrderUrgencies,
  difficulty: workOrderDifficulties,
  status: workOrderStatuses,
  outsideBody: outsideBodies,
  replyMethod: replyMethods,
  result: workOrderResults,
  satisfaction: satisfactions,
  action: workOrderActions,
  queue: workOrderQueues,
} as const;
export type DeskList = keyof typeof lists;

export function useDeskCode(): (list: DeskList, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return (list, code) => {
    if (code === null || code === undefined || code === '') return '—';
    return t(`servicedesk.codes.${list}.${code}`, { defaultValue: code });
  };
}

/** Options of a Select over a code list, in the current language. */
export function useDeskOptions(): (list: DeskList) => { value: string; label: string }[] {
  const code = useDeskCode();
  return (list) => (lists[list].codes as readonly string[]).map((c) => ({ value: c, label: code(list, c) }));
}

export const statusColor: Record<string, string> = {
  open: 'gold',
  handling: 'blue',
  awaiting_acceptance: 'purple',
  referred: 'cyan',
  closed: 'green',
};

export const satisfactionColor: Record<string, string> = {
  satisfied: 'green',
  basically: 'blue',
  unsatisfied: 'red',
};

/** The timeline's dot per step. */
export const actionColor: Record<string, string> = {
  register: 'blue',
  transfer: 'purple',
  transfer_out: 'purple',
  return: 'red',
  supervise: 'orange',
  report: 'orange',
  close: 'green',
  callback: 'green',
  reopen: 'red',
};
