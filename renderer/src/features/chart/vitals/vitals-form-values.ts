import {
  ENTERED_MEASURES,
  feetAndInches,
  fromCanonical,
  shownValue,
  toCanonical,
  toFeetAndInches,
  type EnteredMeasure,
  type UnitSystem,
  type VitalsSet,
} from '../../../../../shared/domain/vitals';
import { utcToZoned } from '../../../../../shared/zoned-time';

/** What each field holds as typed; height in US units is two fields (feet, inches). */
export type FormValues = Partial<Record<EnteredMeasure | 'heightFeet' | 'heightInches' | 'date' | 'time', string>>;

export function parseNumber(text: string | undefined): number | null | 'invalid' {
  const trimmed = (text ?? '').trim().replace(',', '.');
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : 'invalid';
}

/** Inches from the feet and inches fields: null when both are empty, 'invalid' when either is not a number. */
function typedFeetAndInches(values: FormValues): number | null | 'invalid' {
  const feet = parseNumber(values.heightFeet);
  const inches = parseNumber(values.heightInches);
  if (feet === 'invalid' || inches === 'invalid') return 'invalid';
  return feet === null && inches === null ? null : feetAndInches(feet ?? 0, inches ?? 0);
}

/** A stored set's values as the form shows them in a unit system. */
export function formValuesOf(set: VitalsSet, units: UnitSystem, zone: string): FormValues {
  const values: FormValues = {};
  for (const m of ENTERED_MEASURES) {
    const v = set.values[m];
    if (v === null) continue;
    if (m === 'height' && units === 'us') {
      const { feet, inches } = toFeetAndInches(shownValue('height', v, 'us'));
      values.heightFeet = String(feet);
      values.heightInches = String(inches);
    } else {
      values[m] = String(shownValue(m, v, units));
    }
  }
  return { ...values, ...utcToZoned(set.takenAt, zone) };
}

/** The typed values moved to another unit system (70 kg becomes 154.3 lb), so a switch never changes what was meant. */
export function convertForm(values: FormValues, from: UnitSystem, to: UnitSystem): FormValues {
  const next: FormValues = { ...values };
  for (const m of ENTERED_MEASURES) {
    const typed = m === 'height' && from === 'us' ? typedFeetAndInches(values) : parseNumber(values[m]);
    if (typeof typed !== 'number') continue;
    const shown = shownValue(m, toCanonical(m, typed, from), to);
    if (m === 'height' && to === 'us') {
      const { feet, inches } = toFeetAndInches(shown);
      Object.assign(next, { height: '', heightFeet: String(feet), heightInches: String(inches) });
    } else if (m === 'height') {
      Object.assign(next, { height: String(shown), heightFeet: '', heightInches: '' });
    } else {
      next[m] = String(shown);
    }
  }
  return next;
}

/**
 * A correction's values with every measure the person did not type in sent exactly as stored:
 * converted from the canonical value without the display's rounding, so main's one conversion back
 * lands on the same stored value (70 kg shown as 154.3 lb would come back as 69.989 kg otherwise).
 */
export function keptAsStored(
  measured: Partial<Record<EnteredMeasure, number | null>>,
  set: VitalsSet,
  touched: ReadonlySet<string>,
  units: UnitSystem,
): Partial<Record<EnteredMeasure, number | null>> {
  const out = { ...measured };
  for (const m of ENTERED_MEASURES) {
    if (touched.has(m)) continue;
    const stored = set.values[m];
    out[m] = stored === null ? null : fromCanonical(m, stored, units);
  }
  return out;
}
