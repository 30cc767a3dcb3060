import { AppError } from '../../../../shared/errors';
import { compareIsoDates, todayIn } from '../../../../shared/dates';
import { auditShown } from '../../audit/read-audit';
import type { Actor, ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { clinicTimeZone } from '../../settings/settings-service';

/** A chart entry is only for a patient on record: an unknown or deleted patient is refused. */
export function requireLivePatient(ctx: ServiceContext, patientId: string): void {
  const row = preparedOnce(ctx.db.sqlite, 'SELECT deleted_at FROM patients WHERE id = ?').get(patientId) as
    { deleted_at: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', t('errors.chart.problems.patientNotFound'));
  if (row.deleted_at !== null) throw new AppError('NOT_FOUND', t('errors.chart.problems.patientDeleted'));
}

/** The clinic's today (its time zone, not the computer's). */
export function clinicToday(ctx: ServiceContext): string {
  return todayIn(clinicTimeZone(ctx), ctx.now());
}

/** A date that has to have happened already (an onset, a resolution): one after the clinic's today is refused. */
export function refuseFutureDate(ctx: ServiceContext, date: string | null, field: string, message: string): void {
  if (date !== null && compareIsoDates(date, clinicToday(ctx)) > 0) {
    throw new AppError('VALIDATION', message, { [field]: message });
  }
}

/**
 * A read of one section of a patient's chart, recorded as chart.view through the read-audit buffer
 * like the chart's other sections (medications/chart-section.ts; docs/ARCHITECTURE.md, "Who saw whom").
 */
export function auditChartView(ctx: ServiceContext, actor: Actor, patientId: string, section: string): void {
  auditShown(ctx, actor, 'chart.view', [patientId], section);
}
