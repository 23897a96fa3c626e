import {
  certificateKinds,
  certificateStates,
  certificateStatuses,
  donorKinds,
  goodsCategories,
  goodsMovementKinds,
} from '@bangfu/contracts';
import { useTranslation } from 'react-i18next';

/** The goods and certificate code lists of @bangfu/contracts (Chinese labels theirs; English in goods.en). */
const lists = {
  donorKind: donorKinds,
  category: goodsCategories,
  movementKind: goodsMovementKinds,
  certKind: certificateKinds,
  certState: certificateStates,
  certStatus: certificateStatuses,
} as const;
export type GoodsList = keyof typeof lists;

export function useGoodsCode(): (list: GoodsList, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return (list, code) => {
    if (code === null || code === undefined || code === '') return '—';
    return t(`goods.codes.${list}.${code}`, { defaultValue: code });
  };
}

/** Options of a Select over a code list, in the current language. */
export function useGoodsOptions(): (list: GoodsList) => { value: string; label: string }[] {
  const code = useGoodsCode();
  return (list) => (lists[list].codes as readonly string[]).map((c) => ({ value: c, label: code(list, c) }));
}

/** Who signed for goods: '本人' or the family member's relation, in the current language. */
export function useSignerRelation(): (relation: string | null | undefined) => string {
  const { t } = useTranslation();
  return (r) => {
    if (!r) return '—';
    return r === 'self' ? t('goods.handout.self') : t(`codes.relation.${r}`, { defaultValue: r });
  };
}

/** A file's status (在档, 已脱困, …) in the current language. */
export function useFileStatus(): (status: string) => string {
  const { t } = useTranslation();
  return (s) => t(`codes.status.${s}`, { defaultValue: s });
}

export const movementColor: Record<string, string> = {
  in: 'green',
  out_household: 'blue',
  transfer_out: 'purple',
  transfer_in: 'cyan',
  write_off: 'red',
};

/** Movements that take goods out of the node's stock (shown with a minus sign). */
export const OUTGOING = ['out_household', 'transfer_out', 'write_off'];

export const certStateColor: Record<string, string> = {
  valid: 'green',
  not_yet_valid: 'blue',
  expired: 'orange',
  revoked: 'red',
  superseded: 'default',
};
