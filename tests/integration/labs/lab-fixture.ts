import type { Actor } from '../../../electron/main/context';
import { labOrderKind, labOrderTestKind, labReportKind, labResultKind } from '../../../electron/main/labs/lab-kinds';
import { RecordWriter } from '../../../electron/main/records/record-writer';
import type { LabFlag } from '../../../shared/domain/lab';
import type { Session } from '../../../electron/main/ipc/session';
import type { ChartbookCore } from '../../../electron/main/core';

/** What the fixture writes with: a running core and its clock (a TestApp, or a core the e2e seeds with). */
export interface LabHost {
  core: ChartbookCore;
  clock: { now(): Date };
}

/** One result as a test writes it; everything not given is a plain final numeric result. */
export interface FixtureResult {
  code: string;
  name: string;
  value?: number | null;
  unit?: string | null;
  text?: string;
  comparator?: '<' | '<=' | '>' | '>=' | null;
  low?: number | null;
  high?: number | null;
  refText?: string;
  flag?: LabFlag | null;
  critical?: boolean;
  status?: 'preliminary' | 'final' | 'corrected' | 'cancelled';
  comment?: string;
  codeSystem?: string;
}

export interface FixtureReport {
  patientId: string;
  doctorId: string | null;
  code: string;
  name: string;
  observedAt: string;
  results: FixtureResult[];
  orderId?: string | null;
  performer?: string;
  comment?: string;
  source?: 'manual' | 'hl7v2' | 'fhir';
}

/** The acting doctor of a session (tests write as the people they sign in). */
export function actorOf(session: Session): Actor {
  const user = session.user!;
  return { userId: user.userId, username: user.username, roles: user.roles };
}

/**
 * Writes a lab report and its results straight through the record writer, as the order, entry and
 * import services do (their code is built apart from the review's), so the review's tests start
 * from the stored records those services leave.
 */
export function writeReport(
  app: LabHost,
  actor: Actor,
  report: FixtureReport,
): { reportId: string; resultIds: string[] } {
  const writer = new RecordWriter(app.core.ctx);
  const at = app.clock.now().toISOString();
  const options = { actor, at, audit: { action: 'lab.result_enter' as const } };
  return app.core.ctx.db.sqlite
    .transaction(() => {
      const row = writer.create(
        labReportKind,
        {
          patient_id: report.patientId,
          order_id: report.orderId ?? null,
          code: report.code,
          name: report.name,
          source: report.source ?? 'manual',
          performer: report.performer ?? 'City Lab',
          status: 'final',
          observed_at: report.observedAt,
          issued_at: report.observedAt,
          comment: report.comment ?? '',
          doctor_id: report.doctorId,
        },
        options,
      );
      const resultIds = report.results.map((r, position) => {
        const numeric = r.value !== undefined && r.value !== null;
        return writer.create(
          labResultKind,
          {
            report_id: row.id as string,
            patient_id: report.patientId,
            position,
            code: r.code,
            code_system: r.codeSystem ?? 'http://loinc.org',
            name: r.name,
            value_type: numeric ? 'numeric' : 'text',
            value_num: numeric ? r.value! : null,
            comparator: r.comparator ?? null,
            unit: numeric ? (r.unit ?? null) : null,
            value_text: r.text ?? '',
            original_value: numeric ? String(r.value) : (r.text ?? ''),
            original_unit: r.unit ?? '',
            ref_low: r.low ?? null,
            ref_high: r.high ?? null,
            ref_text: r.refText ?? '',
            flag: r.flag ?? null,
            critical: r.critical ? 1 : 0,
            status: r.status ?? 'final',
            observed_at: report.observedAt,
            comment: r.comment ?? '',
          },
          options,
        ).id as string;
      });
      return { reportId: row.id as string, resultIds };
    })
    .immediate();
}

/** Deletes a report (soft, as every clinical record) without touching its results' rows. */
export function deleteReport(app: LabHost, actor: Actor, reportId: string): void {
  const writer = new RecordWriter(app.core.ctx);
  const at = app.clock.now().toISOString();
  app.core.ctx.db.sqlite
    .transaction(() =>
      writer.softDelete(labReportKind, reportId, null, { actor, at, audit: { action: 'lab.result_enter' } }),
    )
    .immediate();
}

/** An order of the given tests for the patient (status 'ordered'), as the order service leaves it. */
export function writeOrder(
  app: LabHost,
  actor: Actor,
  patientId: string,
  tests: { code: string; name: string; kind?: 'test' | 'panel' }[],
  number = 'LAB-20260310-ABC123',
): { orderId: string } {
  const writer = new RecordWriter(app.core.ctx);
  const at = app.clock.now().toISOString();
  const options = { actor, at, audit: { action: 'lab.order_create' as const } };
  return app.core.ctx.db.sqlite
    .transaction(() => {
      const order = writer.create(
        labOrderKind,
        {
          patient_id: patientId,
          doctor_id: actor.userId,
          number,
          status: 'ordered',
          ordered_at: at,
          lab_name: 'City Lab',
        },
        options,
      );
      tests.forEach((t, position) =>
        writer.create(
          labOrderTestKind,
          {
            order_id: order.id as string,
            patient_id: patientId,
            position,
            code: t.code,
            name: t.name,
            kind: t.kind ?? 'panel',
          },
          options,
        ),
      );
      return { orderId: order.id as string };
    })
    .immediate();
}

/** LOINC codes the tests use (from ../shared/data/loinc, Top 2000). */
export const LOINC = {
  bmp: { code: '51990-0', name: 'Basic metabolic panel - Blood' },
  potassium: { code: '2823-3', name: 'Potassium [Moles/volume] in Serum or Plasma' },
  sodium: { code: '2951-2', name: 'Sodium [Moles/volume] in Serum or Plasma' },
  glucose: { code: '2345-7', name: 'Glucose [Mass/volume] in Serum or Plasma' },
  hba1c: { code: '4548-4', name: 'Hemoglobin A1c/Hemoglobin.total in Blood' },
  lipid: { code: '57698-3', name: 'Lipid panel with direct LDL - Serum or Plasma' },
  cholesterol: { code: '2093-3', name: 'Cholesterol [Mass/volume] in Serum or Plasma' },
  urineColor: { code: '5778-6', name: 'Color of Urine' },
} as const;

/** A report with a critical result whose every text carries `canary`, for tests of who may see what. */
export function seedLabResults(app: LabHost, actor: Actor, patientId: string, canary: string): string {
  return writeReport(app, actor, {
    patientId,
    doctorId: actor.userId,
    ...LOINC.bmp,
    observedAt: app.clock.now().toISOString(),
    comment: `Haemolysed ${canary}`,
    results: [
      { ...LOINC.potassium, value: 6.9, unit: 'mmol/L', low: 3.5, high: 5.1, flag: 'HH', comment: canary },
      { ...LOINC.urineColor, text: `Red ${canary}`, flag: 'A' },
    ],
  }).reportId;
}
