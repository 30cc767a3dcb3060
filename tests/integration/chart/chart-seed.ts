import type { Actor } from '../../../electron/main/context';
import {
  allergyKind,
  historyEntryKind,
  immunizationKind,
  medicationKind,
  noteKind,
  problemKind,
  socialHistoryKind,
  visitKind,
  vitalsKind,
} from '../../../electron/main/chart/chart-kinds';
import { PrescriptionService } from '../../../electron/main/rx/prescriptions/prescription-service';
import { RecordWriter, type ColumnValues } from '../../../electron/main/records/record-writer';
import type { RecordKind } from '../../../electron/main/records/record-kind';
import type { TestApp } from '../support';

/** A word that appears in every piece of clinical text the seed writes, so tests can look for leaks. */
export const CLINICAL_CANARY = 'zx-clinical-canary';

export interface SeededChart {
  visitId: string;
  noteId: string;
}

/**
 * A patient's chart written straight through the record writer (as the chart's services do), so
 * tests of printing and of who may see what do not depend on the chart's forms. Every text carries
 * CLINICAL_CANARY; names and text in several scripts.
 */
export function seedChart(
  app: TestApp,
  actor: Actor,
  patientId: string,
  at = app.clock.now().toISOString(),
): SeededChart {
  const writer = new RecordWriter(app.core.ctx);
  const db = app.core.ctx.db.sqlite;
  const create = (kind: RecordKind, values: ColumnValues) =>
    writer.create(kind, values, { actor, at, audit: { action: 'visit.update' } });
  return db.transaction(() => {
    const visit = create(visitKind, {
      patient_id: patientId,
      provider_id: actor.userId,
      status: 'finished',
      started_at: at,
      finished_at: at,
      reason: `Cough for a week ${CLINICAL_CANARY}`,
    });
    const note = create(noteKind, {
      patient_id: patientId,
      visit_id: visit.id,
      author_id: actor.userId,
      format: 'soap',
      subjective: `Dry cough, no fever. ${CLINICAL_CANARY} 咳嗽一周`,
      objective: `Chest clear. ${CLINICAL_CANARY}`,
      assessment: `Viral bronchitis ${CLINICAL_CANARY} التهاب الشعب الهوائية`,
      plan: `Fluids, rest, review in one week. ${CLINICAL_CANARY}`,
      status: 'signed',
      signed_at: at,
      signed_by: actor.userId,
    });
    create(noteKind, {
      patient_id: patientId,
      visit_id: visit.id,
      author_id: actor.userId,
      format: 'free',
      body: `Addendum: chest X-ray normal. ${CLINICAL_CANARY}`,
      status: 'signed',
      signed_at: at,
      signed_by: actor.userId,
      addendum_to: note.id,
    });
    create(vitalsKind, {
      patient_id: patientId,
      visit_id: visit.id,
      taken_at: at,
      systolic: 128,
      diastolic: 82,
      pulse: 76,
      temperature: 37.2,
      respiratory_rate: 16,
      spo2: 98,
      weight: 70.5,
      height: 172,
      bmi: 23.8,
      pain: 2,
    });
    create(problemKind, {
      patient_id: patientId,
      visit_id: visit.id,
      category: 'encounter-diagnosis',
      icd10_code: 'J209',
      description: `Acute bronchitis, unspecified ${CLINICAL_CANARY}`,
      status: 'active',
    });
    create(problemKind, {
      patient_id: patientId,
      category: 'problem-list-item',
      icd10_code: null,
      description: `Worries about sleep ${CLINICAL_CANARY}`,
      status: 'active',
    });
    create(allergyKind, {
      patient_id: patientId,
      kind: 'allergy',
      substance: `Penicillin ${CLINICAL_CANARY}`,
      substance_type: 'medication',
      reaction: `Hives ${CLINICAL_CANARY}`,
      severity: 'moderate',
      criticality: 'high',
      status: 'active',
    });
    create(medicationKind, {
      patient_id: patientId,
      name: `Metformin ${CLINICAL_CANARY}`,
      dose: '500 mg',
      route: 'oral',
      frequency: 'twice daily',
      source: 'outside',
      status: 'active',
    });
    create(immunizationKind, {
      patient_id: patientId,
      visit_id: visit.id,
      cvx_code: '141',
      vaccine: `Influenza, seasonal, injectable ${CLINICAL_CANARY}`,
      given_date: at.slice(0, 10),
      dose_number: 1,
      lot: 'FLU-2026-A',
      site: 'left deltoid',
      route: 'IM',
      given_here: 1,
    });
    create(historyEntryKind, {
      patient_id: patientId,
      section: 'family',
      description: `Type 2 diabetes ${CLINICAL_CANARY}`,
      relation: 'mother',
    });
    create(socialHistoryKind, {
      patient_id: patientId,
      tobacco: 'former',
      tobacco_detail: `Quit 2019 ${CLINICAL_CANARY}`,
    });
    return { visitId: visit.id, noteId: note.id };
  })();
}

/**
 * A signed prescription in the visit, with an overridden alert, every text carrying
 * CLINICAL_CANARY (issue 10): written through the prescription service as the pad does.
 */
export function seedPrescription(app: TestApp, actor: Actor, visitId: string): string {
  const rx = new PrescriptionService(app.core.ctx);
  const draft = rx.createDraft(visitId, actor);
  rx.addItem(
    draft.id,
    {
      kind: 'structured',
      productId: null,
      name: `Amoxicillin 500 mg capsule ${CLINICAL_CANARY}`,
      form: 'capsule',
      route: 'oral',
      lines: [
        {
          amount: 1,
          unit: 'capsule',
          frequency: { kind: 'daily', times: 3 },
          timing: 'after-food',
          duration: { value: 5, unit: 'days' },
        },
      ],
      quantity: null,
      repeats: 0,
      instructions: `Finish the course ${CLINICAL_CANARY}`,
    },
    [],
    actor,
  );
  rx.addItem(
    draft.id,
    {
      kind: 'free',
      productId: null,
      name: `Saline nasal drops ${CLINICAL_CANARY}`,
      directions: `2 drops each nostril as needed ${CLINICAL_CANARY}`,
      quantity: null,
      repeats: 0,
    },
    [],
    actor,
  );
  return rx.sign(draft.id, draft.version, [], actor).id;
}
