import type { Session } from '../../../electron/main/ipc/session';
import type { DraftBody } from '../../../shared/domain/draft';
import type { PrescriptionItemFormInput } from '../../../shared/domain/prescription';
import { openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

export interface RxClinic {
  app: TestApp;
  doctor: Session;
  patientId: string;
  visitId: string;
}

/** A clinic with a doctor (the admin), one adult patient and a visit in progress. Test clock: 2026-03-10. */
export async function openRxClinic(patient = patientInput()): Promise<RxClinic> {
  const app = openTestApp();
  const doctor = await setUpClinic(app);
  const patientId = (await app.call(doctor, 'patients.register', { patient })).id;
  const visitId = (await app.call(doctor, 'visits.start', { patientId })).id;
  return { app, doctor, patientId, visitId };
}

export function amoxicillin(overrides: Partial<Extract<PrescriptionItemFormInput, { kind: 'structured' }>> = {}) {
  return {
    kind: 'structured' as const,
    productId: null,
    name: 'Amoxicillin 500 mg capsule',
    form: 'capsule' as const,
    route: 'oral' as const,
    lines: [
      {
        amount: 1,
        unit: 'capsule' as const,
        frequency: 'three times a day',
        timing: 'after-food' as const,
        duration: { value: 5, unit: 'days' as const },
      },
    ],
    ...overrides,
  };
}

export function metformin() {
  return amoxicillin({
    name: 'Metformin 500 mg tablet',
    form: 'tablet',
    lines: [
      { amount: 1, unit: 'tablet', frequency: 'bd', timing: 'after-food', duration: { value: 1, unit: 'months' } },
    ],
  });
}

/** Rows of the prescription tables, to prove a refusal wrote nothing. */
export function rxRows(app: TestApp) {
  return {
    prescriptions: app.count('prescriptions'),
    items: app.count('prescription_items'),
    overrides: app.count('rx_alert_overrides'),
    medications: app.count('medications'),
    changes: app.count('change_log'),
    versions: app.core.db.sqlite
      .prepare('SELECT group_concat(version) AS v FROM (SELECT version FROM prescription_items ORDER BY id)')
      .get(),
  };
}

/** The pad's add-medicine form as its draft keeps it (shared/domain/draft.ts rxItemFormDraftSchema). */
export function rxItemForm(): DraftBody<'rxItem'>['form'] {
  const line = {
    amount: '1',
    unit: 'tablet',
    frequency: 'bd',
    timing: 'none',
    durationValue: '5',
    durationUnit: 'days',
  };
  return {
    ...line,
    product: null,
    productId: null,
    name: 'Amoxicillin 500 mg',
    form: 'capsule',
    route: 'oral',
    steps: [],
    quantity: '',
    quantityUnit: '',
    repeats: '0',
    instructions: '',
  };
}
