import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enResources, idResources } from '@/locales';
import { applyZodLocale } from './zod-i18n';

export type Lang = 'id' | 'en';
export const LANG_STORAGE_KEY = 'persada.lang';

function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY);
    return v === 'en' || v === 'id' ? v : null;
  } catch {
    return null;
  }
}

export function hasStoredLanguage(): boolean {
  return storedLang() !== null;
}

function applyDocumentLang(lang: Lang) {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function initI18n(): typeof i18n {
  if (!i18n.isInitialized) {
    const lng = storedLang() ?? 'id';
    void i18n.use(initReactI18next).init({
      resources: { id: { translation: idResources }, en: { translation: enResources } },
      lng,
      fallbackLng: 'id',
      supportedLngs: ['id', 'en'],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    applyZodLocale(lng);
    applyDocumentLang(lng);
  }
  return i18n;
}

/** Switches the UI language (persisted in localStorage). The caller informs the server when logged in. */
export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* storage may be unavailable (private mode) */
  }
  applyZodLocale(lang);
  applyDocumentLang(lang);
  await i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'id';
}

export default i18n;
