import { ageOn, formatAge } from '../dates';
import type { SEXES } from '../domain/patient';

type Sex = (typeof SEXES)[number];

const SEX_LETTER: Readonly<Record<Sex, string>> = { female: 'F', male: 'M', other: 'O', unknown: '?' };

/**
 * One age format on every screen and printout: "41 y", "7 mo", "12 d", with "~" before an age
 * that was estimated ("~41 y"); empty when the birth date is unusable or after `onDate`.
 */
export function ageText(birthDate: string | null, onDate: string, estimated = false): string {
  const age = birthDate ? ageOn(birthDate, onDate) : null;
  return age ? `${estimated ? '~' : ''}${formatAge(age)}` : '';
}

/** Age and sex together, as lists print them: "41 y / M" ("— / F" when the age is unknown). */
export function ageSexText(birthDate: string | null, onDate: string, estimated: boolean, sex: Sex): string {
  return `${ageText(birthDate, onDate, estimated) || '—'} / ${SEX_LETTER[sex]}`;
}
