import type { Dosage, MedicationRequest, Quantity, Timing } from '@medplum/fhirtypes';
import {
  doseLineSentence,
  type DoseLine,
  type DoseUnit,
  type DurationUnit,
  type Timing as DoseTiming,
} from '../../../shared/domain/prescription';
import type { prescriptionItems, prescriptions } from '../db/schema';
import { RX_ROUTES, SYSTEM, UCUM } from './fhir-codes';
import {
  coding,
  encounterRef,
  isDeleted,
  metaOf,
  patientRef,
  practitionerRef,
  textConcept,
  unknownStatus,
} from './fhir-common';

export type PrescriptionRow = typeof prescriptions.$inferSelect;
export type PrescriptionItemRow = typeof prescriptionItems.$inferSelect;
export interface OverrideForFhir {
  item_id: string;
  message: string;
  reason: string;
}

/** medicationrequest-status (required binding): a draft, a signed (active) or a cancelled prescription. */
const STATUS: Record<string, MedicationRequest['status']> = {
  draft: 'draft',
  signed: 'active',
  cancelled: 'cancelled',
};

/** event-timing (required binding): before meals, after meals, at bedtime. */
const WHEN: Record<DoseTiming, 'AC' | 'PC' | 'HS' | null> = {
  none: null,
  'before-food': 'AC',
  'after-food': 'PC',
  bedtime: 'HS',
};

/** Dose units with a UCUM code; the others (tablet, puff, ...) are counted units, given as unit text only. */
const UCUM_DOSE: Partial<Record<DoseUnit, string>> = { mL: UCUM.mL, mg: UCUM.mg, g: UCUM.g, mcg: UCUM.mcg };
const UCUM_DURATION: Record<DurationUnit, string> = { days: UCUM.day, weeks: UCUM.week, months: UCUM.month };

function doseQuantity(line: DoseLine): Quantity {
  const code = UCUM_DOSE[line.unit];
  return code
    ? { value: line.amount, unit: line.unit, system: SYSTEM.ucum, code }
    : { value: line.amount, unit: line.unit };
}

function timingOf(line: DoseLine): Timing | undefined {
  const repeat: NonNullable<Timing['repeat']> = {};
  const f = line.frequency;
  if (f.kind === 'once') repeat.count = 1;
  else if (f.kind === 'daily') Object.assign(repeat, { frequency: f.times, period: 1, periodUnit: 'd' });
  else if (f.kind === 'every-hours') Object.assign(repeat, { frequency: 1, period: f.hours, periodUnit: 'h' });
  else if (f.kind === 'weekly') Object.assign(repeat, { frequency: 1, period: 1, periodUnit: 'wk' });
  else if (f.maxPerDay !== null) Object.assign(repeat, { frequencyMax: f.maxPerDay, period: 1, periodUnit: 'd' });
  const when = WHEN[line.timing];
  if (when) repeat.when = [when];
  if (line.duration) {
    repeat.boundsDuration = {
      value: line.duration.value,
      unit: line.duration.unit,
      system: SYSTEM.ucum,
      code: UCUM_DURATION[line.duration.unit],
    };
  }
  return Object.keys(repeat).length > 0 ? { repeat } : undefined;
}

/** One dose line as a FHIR Dosage: the sentence, timing, as-needed, route and dose. A taper is several, in sequence. */
function dosageOf(line: DoseLine, sequence: number, route: string | null): Dosage {
  const timing = timingOf(line);
  const routeCode = route ? RX_ROUTES[route] : undefined;
  return {
    sequence,
    text: doseLineSentence(line),
    ...(timing ? { timing } : {}),
    ...(line.frequency.kind === 'as-needed' ? { asNeededCodeableConcept: textConcept(line.frequency.reason) } : {}),
    ...(route ? { route: routeCode ? { coding: [coding(routeCode)], text: route } : textConcept(route) } : {}),
    doseAndRate: [{ doseQuantity: doseQuantity(line) }],
  };
}

/**
 * One prescription item as a FHIR R4 MedicationRequest (one per medicine, grouped by the
 * prescription's number): the medicine as written (text; the catalogue ships no product codes),
 * the dosage instructions (a taper's steps in sequence, with timing, route and dose), the
 * quantity and repeats to dispense, who prescribed it and when, and the reasons the doctor gave
 * for going on despite safety alerts (as notes). A cancelled prescription says why.
 */
export function prescriptionItemToFhir(
  rx: PrescriptionRow,
  item: PrescriptionItemRow,
  overrides: readonly OverrideForFhir[] = [],
): MedicationRequest {
  const status = STATUS[rx.status] ?? unknownStatus(rx.status);
  const lines = item.kind === 'structured' ? (JSON.parse(item.lines_json ?? '[]') as DoseLine[]) : [];
  const dosageInstruction: Dosage[] =
    item.kind === 'structured'
      ? lines.map((line, i) => dosageOf(line, i + 1, item.route))
      : [{ sequence: 1, text: item.directions }];
  const notes = [
    ...(item.instructions ? [item.instructions] : []),
    ...overrides.filter((o) => o.item_id === item.id).map((o) => `Alert overridden: ${o.message}. Reason: ${o.reason}`),
  ];
  const quantity =
    item.quantity_value !== null && item.quantity_unit
      ? { quantity: { value: item.quantity_value, unit: item.quantity_unit } }
      : {};
  return {
    resourceType: 'MedicationRequest',
    id: item.id,
    meta: metaOf(item.version > rx.version || item.updated_at > rx.updated_at ? item : rx),
    ...(rx.number ? { groupIdentifier: { value: rx.number } } : {}),
    status: isDeleted(item) || isDeleted(rx) ? 'entered-in-error' : status,
    ...(rx.status === 'cancelled' && rx.cancel_reason ? { statusReason: textConcept(rx.cancel_reason) } : {}),
    intent: 'order',
    medicationCodeableConcept: textConcept(item.name),
    subject: patientRef(rx.patient_id),
    encounter: encounterRef(rx.visit_id),
    authoredOn: rx.signed_at ?? rx.created_at,
    requester: practitionerRef(rx.doctor_id),
    ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
    dosageInstruction,
    dispenseRequest: { ...quantity, numberOfRepeatsAllowed: item.repeats },
  };
}
