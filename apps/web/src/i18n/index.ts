import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'bangfu.lang';

function storedLang(): Lang {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    // storage unavailable (private mode): Chinese by default
  }
  return 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyDocumentLang(lang: string) {
  document.documentElement.lang = lang;
  document.title = i18n.t('app.title');
}
applyDocumentLang(i18n.language);

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // ignore: the choice then lasts for this page only
  }
  void i18n.changeLanguage(lang).then(() => applyDocumentLang(lang));
}

/** The current language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n: inst } = useTranslation();
  return inst.language === 'en' ? 'en' : 'zh-CN';
}

/** Pick the label of a contracts `{ zh, en }` pair in the current language. */
export function useLabel(): (l: { zh: string; en: string }) => string {
  const lang = useLang();
  return (l) => (lang === 'en' ? l.en : l.zh);
}

/** Contracts' zod messages are bilingual ("中文 / English"): keep the half of the current language. */
export function pickBilingual(message: string, lang: Lang): string {
  const parts = message.split(' / ');
  if (parts.length !== 2) return message;
  return (lang === 'en' ? parts[1] : parts[0]) ?? message;
}

export default i18n;
