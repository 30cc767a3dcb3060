import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { t } from '../i18n/translate';
import { labTestByCode } from '../labs/catalogue/lab-catalogue';
import type { PrintSex } from './day-list-document';
import type { LabRequisitionInput } from './lab-requisition-document';

interface OrderRow {
  id: string;
  number: string;
  status: string;
  ordered_at: string;
  lab_name: string;
  clinical_note: string;
  cancel_reason: string;
  doctor_name: string;
  patient_id: string;
  name: string;
  mrn: string;
  birth_date: string;
  birth_date_estimated: number;
  sex: PrintSex;
}

/** Reads one lab order and what its requisition prints (a deleted patient's order does not print). */
export function labRequisitionSource(
  db: Database.Database,
  orderId: string,
): Omit<LabRequisitionInput, 'clinic' | 'printedAt' | 'printedBy'> & { patientId: string } {
  const row = db
    .prepare(
      `SELECT o.id, o.number, o.status, o.ordered_at, o.lab_name, o.clinical_note, o.cancel_reason,
              u.display_name AS doctor_name, p.id AS patient_id, p.given_names || ' ' || p.family_name AS name,
              p.mrn, p.birth_date, p.birth_date_estimated, p.sex
         FROM lab_orders o JOIN patients p ON p.id = o.patient_id JOIN users u ON u.id = o.doctor_id
        WHERE o.id = ? AND o.deleted_at IS NULL AND p.deleted_at IS NULL`,
    )
    .get(orderId) as OrderRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', t('errors.labs.orders.orderNotFound'));
  const tests = db
    .prepare('SELECT code, name, kind FROM lab_order_tests WHERE order_id = ? AND deleted_at IS NULL ORDER BY position')
    .all(orderId) as { code: string; name: string; kind: string }[];
  return {
    patientId: row.patient_id,
    number: row.number,
    orderedAt: row.ordered_at,
    status: row.status,
    cancelReason: row.cancel_reason,
    patient: {
      name: row.name,
      mrn: row.mrn,
      birthDate: row.birth_date,
      birthDateEstimated: row.birth_date_estimated === 1,
      sex: row.sex,
    },
    doctorName: row.doctor_name,
    labName: row.lab_name,
    clinicalNote: row.clinical_note,
    tests: tests.map((test) => ({
      code: test.code,
      name: test.name,
      members:
        test.kind === 'panel'
          ? (labTestByCode(db, test.code)?.members ?? []).map((m) => labTestByCode(db, m)?.name ?? m)
          : [],
    })),
  };
}
