import i18next, { type TOptions } from 'i18next';
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { mainMessages as main } from '../../../shared/i18n/main-messages';

/**
 * Messages main writes for people (refusals, field errors, status words) come from the same
 * translation layer as the renderer's: i18next, with their text in shared/i18n/<language>/main.json,
 * which the renderer loads too. English ships; a translation is a new folder of the same file.
 */
const translator = i18next.createInstance();
void translator.init({
  resources: { en: { main } },
  lng: 'en',
  fallbackLng: 'en',
  ns: ['main'],
  defaultNS: 'main',
  initAsync: false,
  // Plain text, never HTML: a patient's name with "&" or "<" is shown as typed.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function t(key: string, options?: TOptions): string {
  return translator.t(key, options);
}

/** An appointment's status as a word in a sentence ("this one is cancelled"). */
export function statusLabel(status: AppointmentStatus): string {
  return t(`status.${status}`);
}

/** Whether the catalog has a text for the key (tests check every key main uses). */
export function hasMessage(key: string): boolean {
  return translator.exists(key);
}
