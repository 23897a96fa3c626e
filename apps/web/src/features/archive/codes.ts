import { useTranslation } from 'react-i18next';
import type { Messages } from '../../i18n/zh-CN';

export type CodeList = keyof Messages['codes'];

/** The label of a code of the national form in the current language (unknown codes show as given). */
export function useCode(): (list: CodeList, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return (list, code) => (code ? t(`codes.${list}.${code}`, { defaultValue: code }) : t('common.none'));
}

/** Options of a code list for a Select. */
export function useCodeOptions(): (list: CodeList, codes: readonly string[]) => { value: string; label: string }[] {
  const { t } = useTranslation();
  return (list, codes) => codes.map((c) => ({ value: c, label: t(`codes.${list}.${c}`, { defaultValue: c }) }));
}
