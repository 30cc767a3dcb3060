import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import {
  REFERENCE_RANGES,
  VITAL_MEASURES,
  VITALS_PAGE,
  ageInMonths,
  flagAgainst,
  flagOf,
  referenceRange,
  type ReferenceRange,
  type VitalFlag,
  type VitalMeasure,
  type VitalsList,
  type VitalsRecord,
  type VitalsSet,
  type VitalsTrend,
  type VitalsUpdate,
  type VitalsValues,
} from '../../../../shared/domain/vitals';
import { addDays, addMonths, clinicDayBounds, utcToZoned } from '../../../../shared/zoned-time';
import { auditShown } from '../../audit/read-audit';

import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter, type ColumnValues } from '../../records/record-writer';
import { clinicTimeZone } from '../../settings/settings-service';
import { vitalsKind } from '../chart-kinds';
import { canonicalValues, type TypedMeasurements } from './vitals-rules';

/** Each measure's column in the vitals table (electron/main/db/schema.ts). */
const COLUMN: Record<VitalMeasure, string> = {
  systolic: 'systolic',
  diastolic: 'diastolic',
  pulse: 'pulse',
  temperature: 'temperature',
  respiratoryRate: 'respiratory_rate',
  spo2: 'spo2',
  weight: 'weight',
  height: 'height',
  bmi: 'bmi',
  pain: 'pain',
  headCircumference: 'head_circumference',
  muac: 'muac',
};

type VitalsRow = Record<string, string | number | null> & {
  id: string;
  version: number;
  patient_id: string;
  visit_id: string | null;
  taken_at: string;
  updated_at: string;
  recorded_by_name: string;
};

interface PatientFacts {
  birth_date: string;
  birth_date_estimated: number;
  deleted_at: string | null;
}

const SET_COLUMNS = `v.id, v.version, v.patient_id, v.visit_id, v.taken_at, v.updated_at,
  COALESCE(u.display_name, v.created_by) AS recorded_by_name, ${VITAL_MEASURES.map((m) => `v.${COLUMN[m]}`).join(', ')}`;

/**
 * Vital signs (issue 9, part 3): one row per moment the vitals were taken, every value in its
 * canonical UCUM unit. Writes go through the RecordWriter in one IMMEDIATE transaction with their
 * rule checks; reads of a patient's vitals are audited as chart views.
 */
export class VitalsService {
  private readonly writer: RecordWriter;
  private readonly db: Database.Database;
  private readonly trendStatements = new Map<VitalMeasure, Database.Statement>();

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
    this.writer = new RecordWriter(ctx);
  }

  record(input: VitalsRecord, actor: Actor): VitalsSet {
    return this.db
      .transaction(() => {
        const patient = this.livePatient(input.patientId);
        if (input.visitId) this.checkVisit(input.visitId, input.patientId);
        this.checkTakenAt(input.takenAt, patient);
        const values = canonicalValues(input as TypedMeasurements, input.units);
        const row = this.writer.create(
          vitalsKind,
          {
            patient_id: input.patientId,
            visit_id: input.visitId ?? null,
            taken_at: input.takenAt,
            ...this.columnsOf(values),
          },
          {
            actor,
            at: isoNow(this.ctx),
            audit: { action: 'vitals.record', details: describe(values) },
          },
        );
        return this.toSet(this.loadRow(row.id as string)!, patient.birth_date, clinicTimeZone(this.ctx));
      })
      .immediate();
  }

  update(input: VitalsUpdate, actor: Actor): VitalsSet {
    return this.db
      .transaction(() => {
        const before = this.writer.load(vitalsKind, input.id);
        if (!before) throw new AppError('NOT_FOUND', vitalsKind.notFoundMessage());
        // Checked again in SQL by the writer; asked first so a stale form hears CONFLICT before anything else.
        if (before.version !== input.version) throw new AppError('CONFLICT', vitalsKind.conflictMessage());
        const patientId = before.patient_id as string;
        const patient = this.livePatient(patientId);
        this.checkTakenAt(input.takenAt, patient);
        const values = canonicalValues(input as TypedMeasurements, input.units);
        this.writer.update(
          vitalsKind,
          input.id,
          input.version,
          { taken_at: input.takenAt, ...this.columnsOf(values) },
          {
            actor,
            at: isoNow(this.ctx),
            audit: { action: 'vitals.update', details: `corrected to: ${describe(values)}` },
          },
        );
        return this.toSet(this.loadRow(input.id)!, patient.birth_date, clinicTimeZone(this.ctx));
      })
      .immediate();
  }

  /** The patient's sets, newest first; one page per call. */
  list(patientId: string, limit: number, offset: number, actor: Actor): VitalsList {
    const patient = this.livePatient(patientId);
    this.audited(actor, patientId, offset ? `vitals (from set ${offset + 1})` : 'vitals');
    return this.section(patientId, patient.birth_date, limit, offset);
  }

  /** One page of sets and the count, unaudited: for list() and the chart overview, inside their read. */
  section(patientId: string, birthDate: string, limit: number = VITALS_PAGE, offset = 0): VitalsList {
    const rows = preparedOnce(
      this.db,
      `SELECT ${SET_COLUMNS} FROM vitals v LEFT JOIN users u ON u.id = v.created_by
       WHERE v.patient_id = ? AND v.deleted_at IS NULL ORDER BY v.taken_at DESC, v.id DESC LIMIT ? OFFSET ?`,
    ).all(patientId, limit, offset) as VitalsRow[];
    const { n } = preparedOnce(
      this.db,
      'SELECT count(*) AS n FROM vitals WHERE patient_id = ? AND deleted_at IS NULL',
    ).get(patientId) as { n: number };
    const zone = clinicTimeZone(this.ctx);
    return { sets: rows.map((r) => this.toSet(r, birthDate, zone)), total: n };
  }

  /**
   * One measure's last `limit` readings, oldest first, each with the normal band at the patient's
   * age then. Read newest first on the (patient_id, taken_at) index and turned around here.
   */
  trend(patientId: string, measure: VitalMeasure, limit: number, actor: Actor): VitalsTrend {
    const patient = this.livePatient(patientId);
    const rows = this.trendStatement(measure).raw().all(patientId, limit) as [string, number][];
    const bands = ageBands(measure, patient.birth_date, clinicTimeZone(this.ctx));
    const points = new Array<VitalsTrend['points'][number]>(rows.length);
    // Oldest first; the bands are in time order too, so one pass walks both.
    let band = -1;
    for (let i = 0; i < rows.length; i++) {
      const [takenAt, value] = rows[rows.length - 1 - i]!;
      while (band + 1 < bands.length && takenAt >= bands[band + 1]!.fromUtc) band++;
      const range = band >= 0 ? bands[band]!.range : null;
      points[i] = {
        takenAt,
        value,
        flag: flagAgainst(range, value),
        low: range?.low ?? null,
        high: range?.high ?? null,
      };
    }
    this.audited(actor, patientId, `vitals trend: ${measure}`);
    return { measure, points };
  }

  private trendStatement(measure: VitalMeasure): Database.Statement {
    let statement = this.trendStatements.get(measure);
    if (!statement) {
      const column = COLUMN[measure];
      statement = this.db.prepare(
        `SELECT taken_at, ${column} FROM vitals
         WHERE patient_id = ? AND deleted_at IS NULL AND ${column} IS NOT NULL
         ORDER BY taken_at DESC LIMIT ?`,
      );
      this.trendStatements.set(measure, statement);
    }
    return statement;
  }

  /** A section of the opened chart: recorded through the read-audit buffer, like chart-section.ts. */
  private audited(actor: Actor, patientId: string, section: string): void {
    auditShown(this.ctx, actor, 'chart.view', [patientId], section);
  }

  /** The patient's birth date, or NOT_FOUND for an unknown or deleted patient. */
  private livePatient(patientId: string): PatientFacts {
    const patient = preparedOnce(
      this.db,
      'SELECT birth_date, birth_date_estimated, deleted_at FROM patients WHERE id = ?',
    ).get(patientId) as PatientFacts | undefined;
    if (!patient || patient.deleted_at !== null) {
      throw new AppError('NOT_FOUND', t('errors.chart.vitals.patientNotFound'));
    }
    return patient;
  }

  private checkVisit(visitId: string, patientId: string): void {
    const visit = preparedOnce(this.db, 'SELECT patient_id FROM visits WHERE id = ? AND deleted_at IS NULL').get(
      visitId,
    ) as { patient_id: string } | undefined;
    if (!visit || visit.patient_id !== patientId) {
      throw new AppError('VALIDATION', t('errors.chart.vitals.visitNotFound'), {
        visitId: t('errors.chart.vitals.visitNotFound'),
      });
    }
  }

  /**
   * Vitals are taken now or earlier, and not before the patient was born (on the clinic's calendar).
   * An estimated birth date (from an age in years) is no such bound: it may be months off.
   */
  private checkTakenAt(takenAt: string, patient: PatientFacts): void {
    if (Date.parse(takenAt) > this.ctx.now().getTime()) {
      const message = t('errors.chart.vitals.takenInFuture');
      throw new AppError('VALIDATION', message, { takenAt: message });
    }
    if (!patient.birth_date_estimated && utcToZoned(takenAt, clinicTimeZone(this.ctx)).date < patient.birth_date) {
      const message = t('errors.chart.vitals.takenBeforeBirth', { birthDate: patient.birth_date });
      throw new AppError('VALIDATION', message, { takenAt: message });
    }
  }

  private columnsOf(values: VitalsValues): ColumnValues {
    return Object.fromEntries(VITAL_MEASURES.map((m) => [COLUMN[m], values[m]]));
  }

  private loadRow(id: string): VitalsRow | undefined {
    return preparedOnce(
      this.db,
      `SELECT ${SET_COLUMNS} FROM vitals v LEFT JOIN users u ON u.id = v.created_by WHERE v.id = ?`,
    ).get(id) as VitalsRow | undefined;
  }

  private toSet(row: VitalsRow, birthDate: string, zone: string): VitalsSet {
    const values = Object.fromEntries(VITAL_MEASURES.map((m) => [m, row[COLUMN[m]] ?? null])) as VitalsValues;
    const months = ageInMonths(birthDate, utcToZoned(row.taken_at, zone).date);
    const flags: Partial<Record<VitalMeasure, VitalFlag>> = {};
    if (months !== null) {
      for (const m of VITAL_MEASURES) {
        const value = values[m];
        const flag = value === null ? null : flagOf(m, value, months);
        if (flag) flags[m] = flag;
      }
    }
    return {
      id: row.id,
      version: row.version,
      patientId: row.patient_id,
      visitId: row.visit_id,
      takenAt: row.taken_at,
      recordedByName: row.recorded_by_name,
      updatedAt: row.updated_at,
      values,
      flags,
    };
  }
}

/**
 * When a patient's normal band for a measure changes, as UTC instants in time order: the start, on
 * the clinic's calendar, of the first day they are each age of REFERENCE_RANGES (and of their birth
 * date, before which nothing is judged). A trend then finds each point's band by comparing instants
 * instead of working out an age per point.
 */
function ageBands(
  measure: VitalMeasure,
  birthDate: string,
  zone: string,
): { fromUtc: string; range: ReferenceRange | null }[] {
  const months = new Set<number>([0]);
  for (const r of REFERENCE_RANGES) {
    if (r.measure !== measure) continue;
    months.add(r.fromMonths);
    if (r.toMonths !== null) months.add(r.toMonths);
  }
  return [...months]
    .sort((a, b) => a - b)
    .map((m) => {
      // The first day of completed month m: addMonths lands on it or, at a month's end, a few days early.
      let date = addMonths(birthDate, m);
      while ((ageInMonths(birthDate, date) ?? -1) < m) date = addDays(date, 1);
      return { fromUtc: clinicDayBounds(date, zone).startUtc, range: referenceRange(measure, m) };
    });
}

/** The audit entry's details: which measures, never their values (the audit trail is not the chart). */
function describe(values: VitalsValues): string {
  return `measured: ${VITAL_MEASURES.filter((m) => values[m] !== null).join(', ')}`;
}
