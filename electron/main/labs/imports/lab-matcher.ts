import type Database from 'better-sqlite3';
import type { IncomingLabReport } from '../../../../shared/domain/lab';
import { foldForSearch } from '../../../../shared/text';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { identifierKey, nameKey } from '../../patients/patient-repository';

/**
 * Puts an imported report on a patient only when that is certain (issue 11, part 4):
 * 1. our order number (LAB-...) names a live order, whose patient the lab's birth date and name do
 *    not contradict;
 * 2. else an MRN or identifier names exactly one patient, who is live and whose family name, given
 *    name and birth date agree with what the lab sent.
 * Anything else waits on the reconciliation list with the reason in words and the patients who
 * partly match as choices. A patient is never guessed.
 */

export type LabMatch =
  | { kind: 'order'; patientId: string; orderId: string; doctorId: string }
  | { kind: 'patient'; patientId: string }
  | { kind: 'unmatched'; reason: string; candidates: string[] };

interface PatientRow {
  id: string;
  mrn: string;
  given_names: string;
  family_name: string;
  birth_date: string;
  deleted_at: string | null;
}

const PATIENT_COLUMNS = 'p.id, p.mrn, p.given_names, p.family_name, p.birth_date, p.deleted_at';

const words = (text: string) =>
  foldForSearch(text)
    .split(/[\s\-'’.,]+/)
    .filter(Boolean);

/** The family names agree folded, and every given name the lab sent is one of the patient's (or its initial). */
export function namesAgree(patient: { given_names: string; family_name: string }, sent: IncomingLabReport['patient']) {
  if (words(sent.familyName).join(' ') !== words(patient.family_name).join(' ')) return false;
  const ours = words(patient.given_names);
  const theirs = words(sent.givenName);
  if (theirs.length === 0) return false;
  return theirs.every((w) => ours.includes(w) || (w.length === 1 && ours.some((o) => o.startsWith(w))));
}

const sentName = (p: IncomingLabReport['patient']) => `${p.givenName} ${p.familyName}`.trim() || '-';
const ourName = (p: PatientRow) => `${p.given_names} ${p.family_name} (${p.mrn})`;

export function matchLabReport(db: Database.Database, report: IncomingLabReport): LabMatch {
  const sent = report.patient;
  if (report.orderNumber) {
    const order = preparedOnce(
      db,
      `SELECT o.id AS order_id, o.doctor_id, ${PATIENT_COLUMNS} FROM lab_orders o JOIN patients p ON p.id = o.patient_id
        WHERE o.number = ? AND o.deleted_at IS NULL`,
    ).get(report.orderNumber.trim().toUpperCase()) as
      (PatientRow & { order_id: string; doctor_id: string }) | undefined;
    if (order) {
      if (order.deleted_at) {
        return unmatched('errors.labs.imports.reason.orderPatientGone', { order: report.orderNumber }, [], db, sent);
      }
      const birthDiffers = sent.birthDate !== null && sent.birthDate !== order.birth_date;
      const nameDiffers = sent.familyName !== '' && !namesAgree(order, sent);
      if (birthDiffers || nameDiffers) {
        return unmatched(
          'errors.labs.imports.reason.orderPatientDiffers',
          { order: report.orderNumber, patient: ourName(order), sent: `${sentName(sent)}, ${sent.birthDate ?? '-'}` },
          [order.id],
          db,
          sent,
        );
      }
      return { kind: 'order', patientId: order.id, orderId: order.order_id, doctorId: order.doctor_id };
    }
  }

  const identifiers = [...new Set(sent.identifiers.map((i) => i.value.trim()).filter(Boolean))];
  const shown = identifiers.join(', ');
  if (identifiers.length === 0) return unmatched('errors.labs.imports.reason.noIdentifier', {}, [], db, sent);
  const found = new Map<string, PatientRow>();
  for (const value of identifiers) {
    const byMrn = preparedOnce(db, `SELECT ${PATIENT_COLUMNS} FROM patients p WHERE p.mrn = ? COLLATE NOCASE`).all(
      value,
    ) as PatientRow[];
    const byIdentifier = preparedOnce(
      db,
      `SELECT ${PATIENT_COLUMNS} FROM patient_identifiers i JOIN patients p ON p.id = i.patient_id WHERE i.value_key = ?`,
    ).all(identifierKey(value)) as PatientRow[];
    for (const p of [...byMrn, ...byIdentifier]) found.set(p.id, p);
  }
  const live = [...found.values()].filter((p) => p.deleted_at === null);
  if (found.size === 0)
    return unmatched('errors.labs.imports.reason.noSuchIdentifier', { identifiers: shown }, [], db, sent);
  if (live.length === 0)
    return unmatched('errors.labs.imports.reason.patientDeleted', { identifiers: shown }, [], db, sent);
  if (live.length > 1) {
    return unmatched(
      'errors.labs.imports.reason.severalPatients',
      { identifiers: shown, count: live.length },
      live.map((p) => p.id),
      db,
      sent,
    );
  }
  const patient = live[0]!;
  if (!namesAgree(patient, sent)) {
    return unmatched(
      'errors.labs.imports.reason.nameDiffers',
      { identifiers: shown, patient: ourName(patient), sent: sentName(sent) },
      [patient.id],
      db,
      sent,
    );
  }
  if (sent.birthDate === null) {
    return unmatched(
      'errors.labs.imports.reason.noBirthDate',
      { identifiers: shown, patient: ourName(patient) },
      [patient.id],
      db,
      sent,
    );
  }
  if (sent.birthDate !== patient.birth_date) {
    return unmatched(
      'errors.labs.imports.reason.birthDateDiffers',
      { identifiers: shown, patient: ourName(patient), birthDate: patient.birth_date, sent: sent.birthDate },
      [patient.id],
      db,
      sent,
    );
  }
  return { kind: 'patient', patientId: patient.id };
}

/** The reason in words, and as choices the patients named plus those with the lab's name and birth date. */
function unmatched(
  key: string,
  params: Record<string, string | number>,
  named: string[],
  db: Database.Database,
  sent: IncomingLabReport['patient'],
): LabMatch {
  const candidates = new Set(named);
  if (sent.birthDate && sent.familyName) {
    // The same person registered under the same name and birth date (patients_name_key_birth_idx).
    const rows = preparedOnce(
      db,
      `SELECT p.id FROM patients p WHERE p.name_key = ? AND p.birth_date = ? AND p.deleted_at IS NULL LIMIT 10`,
    ).all(nameKey(sent.givenName, sent.familyName), sent.birthDate) as Array<{ id: string }>;
    for (const p of rows) candidates.add(p.id);
  }
  return {
    kind: 'unmatched',
    reason: t(key, params),
    candidates: [...candidates].slice(0, 10),
  };
}
