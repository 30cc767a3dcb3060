import {
  doseLineSentence as englishDoseLine,
  doseSentence as englishDoseSentence,
  doseUnitOfWord,
  formatAmount,
  type DoseLine,
  type DoseUnit,
  type Frequency,
  type PrescriptionItemInput,
  type Quantity,
} from '../domain/prescription';
import hi from '../i18n/hi/prescription.json';
import { localDigits, type PrintLanguage } from './print-language';

/**
 * The dose read back in the printout's language. English is rx-core's sentence
 * (shared/domain/prescription.ts); each other language builds its own, because word order and
 * number rules differ, from the words in its folder (shared/i18n/<code>/prescription.json).
 * Text the doctor typed (an as-needed reason, free-text directions) is printed as typed.
 */
export function doseSentence(item: PrescriptionItemInput, lang: PrintLanguage): string {
  switch (lang) {
    case 'en':
      return englishDoseSentence(item);
    case 'hi':
      return hindiDoseSentence(item);
  }
}

/** One step of a taper (a dose line) in the printout's language: the printout lists a taper's steps. */
export function doseLineIn(line: DoseLine, lang: PrintLanguage): string {
  switch (lang) {
    case 'en':
      return englishDoseLine(line);
    case 'hi':
      return hindiDoseLine(line);
  }
}

/**
 * The quantity to dispense as printed: its number in the language's digits and what it counts in
 * the language's words when it is a dose unit ("15 tablets", "60 mL") or a known pack ("1 bottle");
 * any other word the doctor typed is printed as typed.
 */
export function quantityIn(quantity: Quantity, lang: PrintLanguage): string {
  const value = Math.round(quantity.value * 10) / 10;
  if (lang === 'en') return `${value} ${quantity.unit}`;
  return `${localDigits(String(value), hi.digits)} ${hindiQuantityUnit(quantity.unit, value)}`;
}

/** A quantity's unit in Hindi: a dose unit's word, a known pack's, or the word as typed. */
export function hindiQuantityUnit(unit: string, value: number): string {
  const dose = doseUnitOfWord(unit);
  if (dose) return hindiUnit(dose, value);
  const word = unit.trim().toLowerCase();
  const packs: Record<string, readonly string[] | undefined> = H.packs;
  const pack = packs[word] ?? packs[word.replace(/(es|s)$/, '')] ?? packs[word.replace(/s$/, '')];
  if (pack) return (value < 2 ? pack[0] : pack[1]) ?? unit;
  return unit;
}

// ---------------------------------------------------------------------------------------------
// Hindi: "5 दिन तक, दिन में दो बार खाने के बाद 1 गोली लें" (how long, how often, when, how much, verb)
// ---------------------------------------------------------------------------------------------

type HindiDose = typeof hi.dose;
const H: HindiDose = hi.dose;

/** Units dispensed whole: halves and quarters are printed as ½ and ¼, as Indian prescriptions write them. */
const COUNTED: ReadonlySet<DoseUnit> = new Set(['tablet', 'capsule', 'suppository', 'patch', 'sachet']);
const FRACTIONS: Record<string, string> = { '0.25': '¼', '0.5': '½', '0.75': '¾' };

/** The amount as printed: 1½ for one and a half tablets; decimals for mL, mg and the like. */
export function hindiAmount(amount: number, unit: DoseUnit, digits = hi.digits): string {
  if (COUNTED.has(unit)) {
    const whole = Math.floor(amount);
    const fraction = FRACTIONS[String(Math.round((amount - whole) * 100) / 100)];
    if (fraction) return whole === 0 ? fraction : `${localDigits(String(whole), digits)}${fraction}`;
  }
  return localDigits(formatAmount(amount), digits);
}

/** Hindi takes the plural from 2 upward: ½ गोली, 1 गोली, 1½ गोली, 2 गोलियाँ (English: "0.5 tablets"). */
export function hindiUnit(unit: DoseUnit, amount: number): string {
  const [one, many] = H.units[unit] as [string, string];
  return amount < 2 ? one : many;
}

/** The verb of the dose: take (most), apply (creams, patches), put in (drops), spray. */
function hindiVerb(unit: DoseUnit): string {
  if (unit === 'application' || unit === 'patch') return H.verbs.apply;
  if (unit === 'drop') return H.verbs.instil;
  if (unit === 'spray') return H.verbs.spray;
  return H.verbs.take;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? '');

export function hindiFrequency(frequency: Frequency, digits = hi.digits): string {
  const n = (value: number) => localDigits(String(value), digits);
  switch (frequency.kind) {
    case 'once':
      return H.once;
    case 'daily':
      return H.timesADay[frequency.times] ?? '';
    case 'every-hours':
      return frequency.hours === 1 ? H.everyHour : fill(H.everyHours, { n: n(frequency.hours) });
    case 'weekly':
      return H.weekly;
    case 'as-needed':
      return frequency.maxPerDay === null
        ? fill(H.asNeeded, { reason: frequency.reason })
        : fill(H.asNeededMax, { reason: frequency.reason, n: n(frequency.maxPerDay) });
  }
}

/** One dose line in Hindi; `digits` 'devanagari' writes the numbers ०१२ (the folder says which). */
export function hindiDoseLine(line: DoseLine, digits = hi.digits): string {
  const duration = line.duration
    ? fill(H.durationFor, {
        n: localDigits(String(line.duration.value), digits),
        unit: (H.duration[line.duration.unit] as [string, string])[line.duration.value === 1 ? 0 : 1],
      })
    : '';
  const rest = [
    hindiFrequency(line.frequency, digits),
    H.timing[line.timing],
    `${hindiAmount(line.amount, line.unit, digits)} ${hindiUnit(line.unit, line.amount)}`,
    hindiVerb(line.unit),
  ]
    .filter((p) => p !== '')
    .join(' ');
  return duration ? `${duration}, ${rest}` : rest;
}

/** The item in Hindi: a taper's steps joined with "फिर"; only the builder's numbers take the folder's digits. */
export function hindiDoseSentence(item: PrescriptionItemInput, digits = hi.digits): string {
  if (item.kind === 'free') return item.directions;
  return item.lines.map((line) => hindiDoseLine(line, digits)).join(`, ${H.then} `);
}
