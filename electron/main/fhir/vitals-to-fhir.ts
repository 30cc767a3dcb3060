import type { Observation, ObservationComponent } from '@medplum/fhirtypes';
import { NOT_PERFORMED, SYSTEM, UCUM, VITAL_CODES, type Code } from './fhir-codes';
import {
  coding,
  concept,
  encounterRef,
  isDeleted,
  metaOf,
  patientRef,
  practitionerRef,
  statusConcept,
  ucumQuantity,
  type VitalsRow,
} from './fhir-common';

/** The profile each measure follows (FHIR R4 vital signs, hl7.org/fhir/R4/observation-vitalsigns.html). */
export const VITALS_PROFILE = {
  vitalsigns: 'http://hl7.org/fhir/StructureDefinition/vitalsigns',
  panel: 'http://hl7.org/fhir/StructureDefinition/vitalspanel',
  bp: 'http://hl7.org/fhir/StructureDefinition/bp',
  heartrate: 'http://hl7.org/fhir/StructureDefinition/heartrate',
  bodytemp: 'http://hl7.org/fhir/StructureDefinition/bodytemp',
  resprate: 'http://hl7.org/fhir/StructureDefinition/resprate',
  oxygensat: 'http://hl7.org/fhir/StructureDefinition/oxygensat',
  bodyweight: 'http://hl7.org/fhir/StructureDefinition/bodyweight',
  bodyheight: 'http://hl7.org/fhir/StructureDefinition/bodyheight',
  bmi: 'http://hl7.org/fhir/StructureDefinition/bmi',
  headcircum: 'http://hl7.org/fhir/StructureDefinition/headcircum',
} as const;

/** One single-valued measure of a vitals row: its column, the id suffix of its Observation, codes, unit, profile. */
interface Measure {
  column:
    | 'pulse'
    | 'temperature'
    | 'respiratory_rate'
    | 'spo2'
    | 'weight'
    | 'height'
    | 'bmi'
    | 'pain'
    | 'head_circumference'
    | 'muac';
  suffix: string;
  codes: readonly Code[];
  unit: string;
  profile: string;
}

const MEASURES: readonly Measure[] = [
  {
    column: 'pulse',
    suffix: 'heart-rate',
    codes: [VITAL_CODES.heartRate],
    unit: UCUM.perMinute,
    profile: VITALS_PROFILE.heartrate,
  },
  {
    column: 'temperature',
    suffix: 'temperature',
    codes: [VITAL_CODES.temperature],
    unit: UCUM.celsius,
    profile: VITALS_PROFILE.bodytemp,
  },
  {
    column: 'respiratory_rate',
    suffix: 'respiratory-rate',
    codes: [VITAL_CODES.respiratoryRate],
    unit: UCUM.perMinute,
    profile: VITALS_PROFILE.resprate,
  },
  {
    column: 'spo2',
    suffix: 'spo2',
    codes: [VITAL_CODES.oxygenSaturation, VITAL_CODES.oxygenSaturationPulseOx],
    unit: UCUM.percent,
    profile: VITALS_PROFILE.oxygensat,
  },
  {
    column: 'weight',
    suffix: 'weight',
    codes: [VITAL_CODES.bodyWeight],
    unit: UCUM.kg,
    profile: VITALS_PROFILE.bodyweight,
  },
  {
    column: 'height',
    suffix: 'height',
    codes: [VITAL_CODES.bodyHeight],
    unit: UCUM.cm,
    profile: VITALS_PROFILE.bodyheight,
  },
  { column: 'bmi', suffix: 'bmi', codes: [VITAL_CODES.bmi], unit: UCUM.kgPerM2, profile: VITALS_PROFILE.bmi },
  { column: 'pain', suffix: 'pain', codes: [VITAL_CODES.pain], unit: UCUM.score, profile: VITALS_PROFILE.vitalsigns },
  {
    column: 'head_circumference',
    suffix: 'head-circumference',
    codes: [VITAL_CODES.headCircumference],
    unit: UCUM.cm,
    profile: VITALS_PROFILE.headcircum,
  },
  { column: 'muac', suffix: 'muac', codes: [VITAL_CODES.muac], unit: UCUM.cm, profile: VITALS_PROFILE.vitalsigns },
];

const VITAL_SIGNS_CATEGORY = [{ ...statusConcept(SYSTEM.observationCategory, 'vital-signs'), text: 'Vital Signs' }];

/**
 * A vitals row as FHIR R4 Observations following the vital signs profiles: one per measured value
 * (blood pressure as one 85354-9 panel with systolic and diastolic components), ids `<row id>-<measure>`,
 * and a vital signs panel (85353-1) with the row's own id whose members they are. A row with no
 * value gives no Observation. A deleted row's Observations are entered-in-error.
 */
export function vitalsToFhir(row: VitalsRow): Observation[] {
  const base = (id: string, profile: string) => ({
    resourceType: 'Observation' as const,
    id,
    meta: metaOf(row, profile),
    status: isDeleted(row) ? ('entered-in-error' as const) : ('final' as const),
    category: VITAL_SIGNS_CATEGORY,
    subject: patientRef(row.patient_id),
    ...(row.visit_id ? { encounter: encounterRef(row.visit_id) } : {}),
    effectiveDateTime: row.taken_at,
    issued: row.created_at,
    performer: [practitionerRef(row.created_by)],
  });
  const members: Observation[] = [];
  if (row.systolic !== null || row.diastolic !== null) {
    const component = (code: Code, value: number | null): ObservationComponent => ({
      code: concept(code),
      // The bp profile needs both components; half a pressure says the other half was not measured.
      ...(value !== null
        ? { valueQuantity: ucumQuantity(value, UCUM.mmHg) }
        : { dataAbsentReason: { coding: [coding(NOT_PERFORMED)] } }),
    });
    members.push({
      ...base(`${row.id}-bp`, VITALS_PROFILE.bp),
      code: concept(VITAL_CODES.bloodPressure, 'Blood pressure'),
      component: [component(VITAL_CODES.systolic, row.systolic), component(VITAL_CODES.diastolic, row.diastolic)],
    });
  }
  for (const m of MEASURES) {
    const value = row[m.column];
    if (value === null) continue;
    members.push({
      ...base(`${row.id}-${m.suffix}`, m.profile),
      code: { coding: m.codes.map(coding), text: m.codes[0]!.display },
      valueQuantity: ucumQuantity(value, m.unit),
    });
  }
  if (!members.length) return [];
  const panel: Observation = {
    ...base(row.id, VITALS_PROFILE.panel),
    code: concept(VITAL_CODES.panel, 'Vital signs'),
    hasMember: members.map((o) => ({ reference: `Observation/${o.id}` })),
  };
  return [panel, ...members];
}
