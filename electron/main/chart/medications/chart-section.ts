import type Database from 'better-sqlite3';
import { todayIn } from '../../../../shared/dates';
import { AppError } from '../../../../shared/errors';
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
 * Reads one section of a patient's chart and audits the view (chart.view, the section in the
 * details) in the same transaction (docs/ARCHITECTURE.md, "Who saw whom"): a read that is not
 * recorded is not returned. An unknown patient is recorded as a failed view.
 */
export function readChartSection<T>(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  section: string,
  read: (patient: ChartPatient) => T,
): T {
  const db = ctx.db.sqlite;
  const outcome = db
    .transaction(() => {
      let patient: ChartPatient | null = null;
      try {
        patient = chartPatient(db, patientId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
      appendAudit(db, {
        at: isoNow(ctx),
        userId: actor.userId,
        username: actor.username,
        action: 'chart.view',
        patientId: patient ? patientId : null,
        outcome: patient ? 'success' : 'failure',
        details: patient ? `section: ${section}` : `section: ${section}; patient not found: ${patientId}`,
      });
      return patient ? { value: read(patient) } : null;
    })
    .immediate();
  if (!outcome) throw new AppError('NOT_FOUND', t('errors.chart.meds.patientNotFound'));
  return outcome.value;
}

/** The names of the columns whose values differ, for audit details that say what changed without saying what it says. */
export function changedColumns(before: Record<string, unknown>, patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((c) => (before[c] ?? null) !== (patch[c] ?? null));
}
