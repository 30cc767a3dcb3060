import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from './en/common.json';

/**
 * Every string a person reads comes from here. English ships; a translation is a new folder of
 * the same JSON files. Feature areas add their own namespace file and register it below.
 */
export const resources = {
  en: { common },
} as const;

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export default i18next;
