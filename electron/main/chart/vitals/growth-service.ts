import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import { ageInMonths } from '../../../../shared/domain/vitals';
import {
  DAYS_PER_MONTH,
  GROWTH_AGE_MONTHS,
  GROWTH_CENTILES,
  GROWTH_TABLE,
  centileOfValue,
  lmsAt,
  valueAtCentile,
  zOfValue,
  type GrowthChart,
  type GrowthMeasure,
  type GrowthRange,
  type GrowthSex,
} from '../../../../shared/domain/growth';
import { daysBetween, utcToZoned } from '../../../../shared/zoned-time';
import { todayIn } from '../../../../shared/dates';
import { auditShown } from '../../audit/read-audit';
import type { Actor, ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { clinicTimeZone } from '../../settings/settings-service';
import { CDC_GROWTH_TABLES } from './growth-tables';

/** Each charted measure's column in the vitals table. */
const COLUMN: Record<GrowthMeasure, string> = {
  weight: 'weight',
  height: 'height',
  headCircumference: 'head_circumference',
};

interface PatientFacts {
  birth_date: string;
  birth_date_estimated: number;
  sex: string;
  deleted_at: string | null;
}

/**
 * Growth charts (issue 9, part 3): CDC's centile curves for a child's sex beside the child's own
 * weights, lengths or heights and head circumferences, each with its centile. A read of the chart,
 * audited like vitals.trend.
 */
export class GrowthService {
  private readonly db: Database.Database;

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
  }

  chart(patientId: string, measure: GrowthMeasure, asked: GrowthRange | undefined, actor: Actor): GrowthChart {
    const patient = preparedOnce(
      this.db,
      'SELECT birth_date, birth_date_estimated, sex, deleted_at FROM patients WHERE id = ?',
    ).get(patientId) as PatientFacts | undefined;
    if (!patient || patient.deleted_at !== null) {
      throw new AppError('NOT_FOUND', t('errors.chart.vitals.patientNotFound'));
    }
    const zone = clinicTimeZone(this.ctx);
    const range = asked ?? defaultRange(measure, ageInMonths(patient.birth_date, todayIn(zone, this.ctx.now())));
    const { from, to } = GROWTH_AGE_MONTHS[range];
    const sex: GrowthSex | null = patient.sex === 'male' || patient.sex === 'female' ? patient.sex : null;
    const tableName = GROWTH_TABLE[range][measure] ?? null;
    const empty: GrowthChart = {
      measure,
      range,
      status: 'ok',
      sex,
      table: tableName,
      fromMonths: from,
      toMonths: to,
      centiles: [...GROWTH_CENTILES],
      curves: [],
      points: [],
      birthDateEstimated: patient.birth_date_estimated === 1,
    };
    this.audited(actor, patientId, `growth chart: ${measure} (${range})`);
    if (!tableName) return { ...empty, status: 'noChart' };
    if (!sex) return { ...empty, status: 'sexNotRecorded' };

    const rows = CDC_GROWTH_TABLES[tableName][sex];
    const curves = rows.map(([ageMonths, l, m, s]) => ({
      ageMonths,
      values: GROWTH_CENTILES.map((c) => round(valueAtCentile({ l, m, s }, c), 3)),
    }));
    const readings = preparedOnce(
      this.db,
      `SELECT taken_at, ${COLUMN[measure]} AS value FROM vitals
       WHERE patient_id = ? AND deleted_at IS NULL AND ${COLUMN[measure]} IS NOT NULL
       ORDER BY taken_at`,
    ).all(patientId) as { taken_at: string; value: number }[];
    const points: GrowthChart['points'] = [];
    for (const r of readings) {
      const days = daysBetween(patient.birth_date, utcToZoned(r.taken_at, zone).date);
      const age = days / DAYS_PER_MONTH;
      const lms = lmsAt(rows, age);
      if (!lms || age < from || age > to) continue;
      points.push({
        takenAt: r.taken_at,
        ageMonths: round(age, 2),
        value: r.value,
        centile: round(centileOfValue(lms, r.value), 1),
        zScore: round(zOfValue(lms, r.value), 2),
      });
    }
    return { ...empty, curves, points };
  }

  /** A section of the opened chart: recorded through the read-audit buffer, like vitals.trend. */
  private audited(actor: Actor, patientId: string, section: string): void {
    auditShown(this.ctx, actor, 'chart.view', [patientId], section);
  }
}

/** CDC's advice: the infant charts to 24 months, the 2-20 years charts after; head circumference is infant only. */
function defaultRange(measure: GrowthMeasure, ageMonthsToday: number | null): GrowthRange {
  if (measure === 'headCircumference') return 'infant';
  return ageMonthsToday !== null && ageMonthsToday >= 24 ? 'child' : 'infant';
}

function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}
