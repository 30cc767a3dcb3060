import type Database from 'better-sqlite3';
import { todayIn } from '../../../../shared/dates';
import { AppError } from '../../../../shared/errors';
import { auditShown } from '../../audit/read-audit';
import { appendAudit } from '../../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { clinicTimeZone } from '../../settings/settings-service';

/** What the medication, immunization and history rules need to know about the patient. */
export interface ChartPatient {
  id: string;
  sex: string;
  birthDate: string;
}

/** The live patient, or NOT_FOUND (deleted or unknown): nothing is recorded for a patient who is not there. */
export function chartPatient(db: Database.Database, patientId: string): ChartPatient {
  const row = preparedOnce(db, 'SELECT id, sex, birth_date FROM patients WHERE id = ? AND deleted_at IS NULL').get(
    patientId,
  ) as { id: string; sex: string; birth_date: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', t('errors.chart.meds.patientNotFound'));
  return { id: row.id, sex: row.sex, birthDate: row.birth_date };
}

/** Today's date on the clinic's clock: a date "in the future" is one after this. */
export function clinicToday(ctx: ServiceContext): string {
  return todayIn(clinicTimeZone(ctx), ctx.now());
}

/** Whole days from `from` to `to` (YYYY-MM-DD, both real dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Reads one section of a patient's chart and records the view (chart.view, the section in the
 * details). Opening the chart is the durable record view (patients.get); the sections the chart
 * then shows are lists of it, recorded through the read-audit buffer like every list
 * (docs/ARCHITECTURE.md, "Who saw whom"), so opening a chart costs one commit, not one per panel.
 * An unknown patient is recorded at once as a failed view.
 */
export function readChartSection<T>(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  section: string,
  read: (patient: ChartPatient) => T,
): T {
  const db = ctx.db.sqlite;
  let patient: ChartPatient | null = null;
  try {
    patient = chartPatient(db, patientId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
  if (!patient) {
    appendAudit(db, {
      at: isoNow(ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'chart.view',
      patientId: null,
      outcome: 'failure',
      details: `section: ${section}; patient not found: ${patientId}`,
    });
    throw new AppError('NOT_FOUND', t('errors.chart.meds.patientNotFound'));
  }
  const found = patient;
  // One snapshot for the section's statements (a read transaction: no write, no commit to wait for).
  const value = db.transaction(() => read(found))();
  auditShown(ctx, actor, 'chart.view', [patientId], `section: ${section}`);
  return value;
}

/** The names of the columns whose values differ, for audit details that say what changed without saying what it says. */
export function changedColumns(before: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((c) => (before[c] ?? null) !== (patch[c] ?? null));
}
