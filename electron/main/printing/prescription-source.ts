import type Database from 'better-sqlite3';
import { ageOn } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { ClinicSettings } from '../../../shared/domain/settings';
import { t } from '../i18n/translate';
import { itemOf, CHILD_AGE_YEARS } from '../rx/prescriptions/prescription-service';
import { clinicDate } from './clinic-time';
import type { PrintSex } from './day-list-document';
import type { PrescriptionPrintModel, PrintedItem } from './prescription-document';

type ItemRow = Parameters<typeof itemOf>[0];

interface RxRow {
  id: string;
  patient_id: string;
  doctor_id: string;
  status: string;
  number: string | null;
  signed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string;
}

/** The audit entry's details of a print of this prescription; printer prints are counted from them. */
export function prescriptionPrintDetails(id: string, facts: readonly string[], what: string): string {
  return `prescription ${[id, ...facts].join(', ')} (${what})`;
}
export const SENT_TO_PRINTER = 'sent to printer';

/**
 * How many times this prescription went to a printer before: the first is the original, each
 * later one a copy. Counted from the audit log (append-only, merged across laptops, by its ids).
 */
export function priorPrints(db: Database.Database, patientId: string, id: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM audit_log
        WHERE patient_id = ? AND action = 'print.prescription' AND outcome = 'success' AND details LIKE ?`,
    )
    .get(patientId, `prescription ${id}%(${SENT_TO_PRINTER})`) as { n: number };
  return row.n;
}

/**
 * Reads a signed (or cancelled) prescription and what the printout shows about its patient and
 * doctor from the record's tables (rx-core's prescriptions, prescription_items, rx_alert_overrides;
 * the chart's allergies and vitals). A draft, a removed prescription or a removed patient is refused.
 */
export function prescriptionPrintSource(
  db: Database.Database,
  id: string,
  clinic: ClinicSettings,
): Omit<PrescriptionPrintModel, 'printedAt' | 'printedBy' | 'copy'> & { patientId: string } {
  const rx = db
    .prepare(
      `SELECT id, patient_id, doctor_id, status, number, signed_at, cancelled_at, cancel_reason
         FROM prescriptions WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as RxRow | undefined;
  if (!rx) throw new AppError('NOT_FOUND', t('errors.printing.prescriptionNotFound'));
  if ((rx.status !== 'signed' && rx.status !== 'cancelled') || !rx.signed_at) {
    throw new AppError('VALIDATION', t('errors.printing.prescriptionNotSigned'));
  }
  const patient = db
    .prepare(
      `SELECT id, given_names || ' ' || family_name AS name, mrn, birth_date, birth_date_estimated, sex
         FROM patients WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(rx.patient_id) as
    | { id: string; name: string; mrn: string; birth_date: string; birth_date_estimated: number; sex: PrintSex }
    | undefined;
  if (!patient) throw new AppError('NOT_FOUND', t('errors.printing.prescriptionNotFound'));
  const doctor = db
    .prepare('SELECT display_name, qualifications, registration_number FROM users WHERE id = ?')
    .get(rx.doctor_id) as { display_name: string; qualifications: string; registration_number: string } | undefined;

  const itemRows = db
    .prepare('SELECT * FROM prescription_items WHERE prescription_id = ? AND deleted_at IS NULL ORDER BY position')
    .all(id) as ItemRow[];
  const overridesOf = db.prepare(
    'SELECT message, reason FROM rx_alert_overrides WHERE item_id = ? AND deleted_at IS NULL ORDER BY created_at',
  );
  const items: PrintedItem[] = itemRows.map((row) => ({
    item: itemOf(row),
    overrides: overridesOf.all(row.id) as { message: string; reason: string }[],
  }));

  const allergyRows = db
    .prepare(
      `SELECT kind, substance, reaction, severity, note FROM allergies
        WHERE patient_id = ? AND status = 'active' AND deleted_at IS NULL ORDER BY substance COLLATE NOCASE`,
    )
    .all(patient.id) as { kind: string; substance: string; reaction: string; severity: string | null; note: string }[];

  // A child's latest weight, as of the prescription's day (the dose may be per kg).
  const day = clinicDate(rx.signed_at, clinic.timeZone);
  const age = patient.birth_date ? ageOn(patient.birth_date, day) : null;
  const isChild = age !== null && age.years < CHILD_AGE_YEARS;
  const weight = isChild
    ? (db
        .prepare(
          `SELECT weight, taken_at FROM vitals WHERE patient_id = ? AND weight IS NOT NULL AND deleted_at IS NULL
            AND taken_at <= ? ORDER BY taken_at DESC LIMIT 1`,
        )
        .get(patient.id, rx.signed_at) as { weight: number; taken_at: string } | undefined)
    : undefined;

  return {
    patientId: patient.id,
    clinic,
    paperSize: clinic.prescriptionPaperSize,
    language: clinic.printLanguage,
    number: rx.number,
    status: rx.status,
    signedAt: rx.signed_at,
    cancelledAt: rx.cancelled_at,
    cancelReason: rx.cancel_reason,
    doctor: {
      name: doctor?.display_name ?? '',
      qualifications: doctor?.qualifications ?? '',
      registrationNumber: doctor?.registration_number ?? '',
    },
    patient: {
      name: patient.name,
      mrn: patient.mrn,
      birthDate: patient.birth_date,
      birthDateEstimated: patient.birth_date_estimated === 1,
      sex: patient.sex,
    },
    weight: weight ? { kg: weight.weight, takenAt: weight.taken_at } : null,
    allergies: allergyRows
      .filter((a) => a.kind === 'allergy')
      .map((a) => ({
        substance: a.substance,
        detail: [a.reaction, a.severity, a.note].filter((p) => p && p.trim()).join(', '),
      })),
    noKnownAllergies: allergyRows.some((a) => a.kind === 'nka'),
    items,
  };
}
