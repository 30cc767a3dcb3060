import { AppError } from '../../../../shared/errors';
import {
  ENTERED_MEASURES,
  POSSIBLE_RANGE,
  SHOWN_DECIMALS,
  UNIT_SYMBOL,
  WHOLE_MEASURES,
  bodyMassIndex,
  fromCanonical,
  roundTo,
  toCanonical,
  unitIn,
  type EnteredMeasure,
  type UnitSystem,
  type VitalMeasure,
  type VitalsValues,
} from '../../../../shared/domain/vitals';
import { t } from '../../i18n/translate';

/** The measures as typed, in the unit system chosen. */
export type TypedMeasurements = Partial<Record<EnteredMeasure, number | null | undefined>>;

/** The catalog keys of the measures' names in messages (written out, so the catalog test sees each used). */
const FIELD_LABEL_KEYS: Record<VitalMeasure, string> = {
  systolic: 'errors.chart.vitals.fields.systolic',
  diastolic: 'errors.chart.vitals.fields.diastolic',
  pulse: 'errors.chart.vitals.fields.pulse',
  temperature: 'errors.chart.vitals.fields.temperature',
  respiratoryRate: 'errors.chart.vitals.fields.respiratoryRate',
  spo2: 'errors.chart.vitals.fields.spo2',
  weight: 'errors.chart.vitals.fields.weight',
  height: 'errors.chart.vitals.fields.height',
  bmi: 'errors.chart.vitals.fields.bmi',
  pain: 'errors.chart.vitals.fields.pain',
  headCircumference: 'errors.chart.vitals.fields.headCircumference',
  muac: 'errors.chart.vitals.fields.muac',
};

const fieldLabel = (measure: VitalMeasure) => t(FIELD_LABEL_KEYS[measure]);

/**
 * The accepted range as people read it in the system they typed in, rounded inwards so that any
 * value inside the range shown is accepted (0.2 kg is "0.5 lb", not "0.4 lb").
 */
function shownRange(measure: VitalMeasure, system: UnitSystem): { min: string; max: string; unit: string } {
  const { min, max } = POSSIBLE_RANGE[measure];
  const decimals = SHOWN_DECIMALS[measure];
  const factor = 10 ** decimals;
  const low = Math.ceil(roundTo(fromCanonical(measure, min, system) * factor, 6)) / factor;
  const high = Math.floor(roundTo(fromCanonical(measure, max, system) * factor, 6)) / factor;
  const symbol = UNIT_SYMBOL[unitIn(measure, system)] ?? '';
  // "120 mmHg", "100%", and the pain score's 0-10 with no unit at all.
  const unit = symbol === '%' ? '%' : symbol === '/10' ? '' : ` ${symbol}`;
  return { min: low.toFixed(decimals), max: high.toFixed(decimals), unit };
}

/**
 * Turns what was typed into the stored columns' values (canonical units, vitals-units.ts), or
 * refuses the whole set with a message per wrong field: a value outside POSSIBLE_RANGE
 * (vitals-ranges.ts), a fraction where a whole number is kept, a diastolic at or above the systolic,
 * a weight and height whose BMI no person has, or nothing measured at all. BMI is computed here from
 * the weight and height of the same set, never typed.
 */
export function canonicalValues(typed: TypedMeasurements, system: UnitSystem): VitalsValues {
  const values = {} as VitalsValues;
  const fields: Record<string, string> = {};
  for (const measure of ENTERED_MEASURES) {
    const raw = typed[measure];
    values[measure] = null;
    if (raw === null || raw === undefined) continue;
    if (WHOLE_MEASURES.has(measure) && !Number.isInteger(raw)) {
      fields[measure] = t('errors.chart.vitals.wholeNumber', { field: fieldLabel(measure) });
      continue;
    }
    const value = toCanonical(measure, raw, system);
    const { min, max } = POSSIBLE_RANGE[measure];
    if (value < min || value > max) {
      fields[measure] = t('errors.chart.vitals.outOfRange', {
        field: fieldLabel(measure),
        ...shownRange(measure, system),
      });
      continue;
    }
    values[measure] = value;
  }
  if (!fields.systolic && !fields.diastolic && values.systolic !== null && values.diastolic !== null) {
    if (values.diastolic >= values.systolic) {
      fields.diastolic = t('errors.chart.vitals.diastolicNotBelowSystolic', { systolic: values.systolic });
    }
  }
  values.bmi = null;
  if (values.weight !== null && values.height !== null) {
    const bmi = bodyMassIndex(values.weight, values.height);
    const { min, max } = POSSIBLE_RANGE.bmi;
    if (bmi < min || bmi > max) {
      const message = t('errors.chart.vitals.bmiImpossible', { bmi: bmi.toFixed(1) });
      fields.weight ??= message;
      fields.height ??= message;
    } else {
      values.bmi = bmi;
    }
  }
  if (Object.keys(fields).length) {
    throw new AppError('VALIDATION', t('errors.chart.vitals.someValuesNeedAttention'), fields);
  }
  if (ENTERED_MEASURES.every((m) => values[m] === null)) {
    throw new AppError('VALIDATION', t('errors.chart.vitals.nothingMeasured'));
  }
  return values;
}
