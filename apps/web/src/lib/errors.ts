import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Lang, pickBilingual, useLang } from '../i18n';
import { ApiError } from './api-error';

/** The message of an error in the current language: the API's Chinese `message` or its `messageEn`. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ApiError) {
    const base = lang === 'en' ? e.messageEn : e.messageZh;
    const issues = e.issues.map((i) => pickBilingual(i.message, lang)).filter(Boolean);
    return issues.length ? `${base}：${issues.join('；')}` : base;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

export function useErrorText(): (e: unknown) => string {
  const lang = useLang();
  return (e) => errorText(e, lang);
}

/**
 * Put VALIDATION_FAILED issues on the matching form fields. Returns true when at least one issue found its
 * field, so the caller may skip the generic toast.
 */
export function useApplyFieldErrors() {
  const { i18n } = useTranslation();
  return (form: FormInstance, e: unknown, fields: string[]): boolean => {
    if (!(e instanceof ApiError)) return false;
    const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
    const hits = e.issues.filter((i) => fields.includes(i.path));
    if (!hits.length) return false;
    form.setFields(
      hits.map((i) => {
        return { name: i.path, errors: [pickBilingual(i.message, lang)] };
      }),
    );
    return true;
  };
}
