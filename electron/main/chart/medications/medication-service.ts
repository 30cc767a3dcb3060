import type Database from 'better-sqlite3';
import { AppError } from '../../../../shared/errors';
import type { Medication, MedicationInput, MedicationList, ReconcileLine } from '../../../../shared/domain/medication';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import type { StoredRow } from '../../records/record-kind';
import { medicationKind } from '../chart-kinds';
import { changedColumns, chartPatient, clinicToday, readChartSection, type ChartPatient } from './chart-section';

interface MedicationRow {
  id: string;
  version: number;
  patient_id: string;
  name: string;
  dose: string;
  route: string;
  frequency: string;
  source: 'here' | 'outside';
  status: 'active' | 'stopped';
  start_date: string | null;
  stop_date: string | null;
  stop_reason: string;
  note: string;
  reconciled_at: string | null;
  reconciled_by_name: string | null;
  updated_at: string;
}

const SELECT = `SELECT m.*, u.display_name AS reconciled_by_name FROM medications m
  LEFT JOIN users u ON u.id = m.reconciled_by WHERE m.deleted_at IS NULL`;

function toMedication(r: MedicationRow): Medication {
  return {
    id: r.id,
    version: r.version,
    patientId: r.patient_id,
    name: r.name,
    dose: r.dose,
    route: r.route,
    frequency: r.frequency,
    source: r.source,
    status: r.status,
    startDate: r.start_date,
    stopDate: r.stop_date,
    stopReason: r.stop_reason,
    note: r.note,
    reconciledAt: r.reconciled_at,
    reconciledByName: r.reconciled_by_name,
    updatedAt: r.updated_at,
  };
}

/**
 * The patient's medication list (FHIR MedicationStatement): what they take, prescribed here or
 * elsewhere, started, stopped with a reason, and confirmed line by line at reconciliation. Every
 * change goes through the RecordWriter in one IMMEDIATE transaction with its rule checks.
 */
export class MedicationService {
  private readonly writer: RecordWriter;
  private readonly db: Database.Database;

  constructor(private readonly ctx: ServiceContext) {
    this.writer = new RecordWriter(ctx);
    this.db = ctx.db.sqlite;
  }

  list(patientId: string, actor: Actor): MedicationList {
    return readChartSection(this.ctx, actor, patientId, 'medications', () => this.section(patientId));
  }

  /** Current medicines by name, then stopped ones newest first; unaudited, for list() and the chart overview. */
  section(patientId: string): MedicationList {
    const rows = preparedOnce(this.db, `${SELECT} AND m.patient_id = ?`).all(patientId) as MedicationRow[];
    const active = rows
      .filter((r) => r.status === 'active')
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const stopped = rows
      .filter((r) => r.status === 'stopped')
      .sort((a, b) => (b.stop_date ?? '').localeCompare(a.stop_date ?? '') || b.updated_at.localeCompare(a.updated_at));
    return { active: active.map(toMedication), stopped: stopped.map(toMedication) };
  }

  add(patientId: string, input: MedicationInput, actor: Actor): Medication {
    return this.db
      .transaction(() => {
        const patient = chartPatient(this.db, patientId);
        this.checkStart(patient, input.startDate);
        const row = this.writer.create(
          medicationKind,
          { patient_id: patientId, status: 'active', ...this.columnsOf(input) },
          { actor, at: isoNow(this.ctx), audit: { action: 'medication.add', details: `source: ${input.source}` } },
        );
        return this.read(row.id);
      })
      .immediate();
  }

  update(id: string, version: number, input: MedicationInput, actor: Actor): Medication {
    return this.db
      .transaction(() => {
        const before = this.load(id, version);
        const patient = chartPatient(this.db, before.patient_id as string);
        this.checkStart(patient, input.startDate);
        const stopDate = before.stop_date as string | null;
        if (input.startDate && stopDate && input.startDate > stopDate) {
          throw this.invalid('medication.startDate', t('errors.chart.meds.startAfterStop', { stopDate }));
        }
        const patch = this.columnsOf(input);
        const changed = changedColumns(before, patch);
        this.writer.update(medicationKind, id, version, patch, {
          actor,
          at: isoNow(this.ctx),
          audit: {
            action: 'medication.update',
            details: changed.length ? `changed: ${changed.join(', ')}` : 'saved without changes',
          },
        });
        return this.read(id);
      })
      .immediate();
  }

  stop(id: string, version: number, stopDate: string, reason: string, actor: Actor): Medication {
    return this.db
      .transaction(() => {
        const before = this.load(id, version);
        this.checkStop(before, stopDate, 'stopDate');
        this.writer.update(
          medicationKind,
          id,
          version,
          { status: 'stopped', stop_date: stopDate, stop_reason: reason },
          { actor, at: isoNow(this.ctx), audit: { action: 'medication.stop', details: `stopped on ${stopDate}` } },
        );
        return this.read(id);
      })
      .immediate();
  }

  /**
   * Saves one reconciliation: each decided line is confirmed (reconciled_at/by set) or stopped. All
   * or nothing: a line changed by someone else meanwhile (CONFLICT), not this patient's, no longer
   * active, or a stop that breaks a rule refuses the whole save.
   */
  reconcile(patientId: string, lines: ReconcileLine[], actor: Actor): { continued: number; stopped: number } {
    return this.db
      .transaction(() => {
        chartPatient(this.db, patientId);
        const at = isoNow(this.ctx);
        const seen = new Set<string>();
        let continued = 0;
        let stopped = 0;
        lines.forEach((line, index) => {
          const field = `lines.${index}`;
          if (seen.has(line.id)) throw this.invalid(field, t('errors.chart.meds.lineTwice'));
          seen.add(line.id);
          const before = this.load(line.id, line.version);
          if (before.patient_id !== patientId) throw this.invalid(field, t('errors.chart.meds.notThisPatient'));
          if (before.status !== 'active') throw this.invalid(field, t('errors.chart.meds.alreadyStopped'));
          if (line.decision === 'continue') {
            this.writer.update(
              medicationKind,
              line.id,
              line.version,
              { reconciled_at: at, reconciled_by: actor.userId },
              { actor, at, audit: { action: 'medication.reconcile', details: 'still taking' } },
            );
            continued += 1;
          } else {
            this.checkStop(before, line.stopDate, `${field}.stopDate`);
            this.writer.update(
              medicationKind,
              line.id,
              line.version,
              { status: 'stopped', stop_date: line.stopDate, stop_reason: line.reason },
              {
                actor,
                at,
                audit: { action: 'medication.stop', details: `stopped at reconciliation on ${line.stopDate}` },
              },
            );
            stopped += 1;
          }
        });
        return { continued, stopped };
      })
      .immediate();
  }

  private columnsOf(input: MedicationInput) {
    return {
      name: input.name,
      dose: input.dose,
      route: input.route,
      frequency: input.frequency,
      source: input.source,
      start_date: input.startDate,
      note: input.note,
    };
  }

  /** A start date is a day the patient lived through: not before birth, not after today. */
  private checkStart(patient: ChartPatient, startDate: string | null): void {
    if (!startDate) return;
    if (startDate > clinicToday(this.ctx))
      throw this.invalid('medication.startDate', t('errors.chart.meds.startInFuture'));
    if (startDate < patient.birthDate) {
      throw this.invalid(
        'medication.startDate',
        t('errors.chart.meds.startBeforeBirth', { birthDate: patient.birthDate }),
      );
    }
  }

  /** Only an active line stops, on a day from its start to today. */
  private checkStop(before: StoredRow, stopDate: string, field: string): void {
    const birthDate = chartPatient(this.db, before.patient_id as string).birthDate;
    if (before.status !== 'active') throw this.invalid(field, t('errors.chart.meds.alreadyStopped'));
    const startDate = before.start_date as string | null;
    if (stopDate > clinicToday(this.ctx)) throw this.invalid(field, t('errors.chart.meds.stopInFuture'));
    if (startDate && stopDate < startDate)
      throw this.invalid(field, t('errors.chart.meds.stopBeforeStart', { startDate }));
    if (stopDate < birthDate) throw this.invalid(field, t('errors.chart.meds.stopBeforeBirth', { birthDate }));
  }

  /** The live row at the version the doctor saw: NOT_FOUND, or CONFLICT before any rule is checked. */
  private load(id: string, version: number): StoredRow {
    const before = this.writer.load(medicationKind, id);
    if (!before) throw new AppError('NOT_FOUND', medicationKind.notFoundMessage());
    if (before.version !== version) throw new AppError('CONFLICT', medicationKind.conflictMessage());
    return before;
  }

  private read(id: string): Medication {
    return toMedication(preparedOnce(this.db, `${SELECT} AND m.id = ?`).get(id) as MedicationRow);
  }

  private invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION', message, { [field]: message });
  }
}
