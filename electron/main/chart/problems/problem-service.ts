import { AppError } from '../../../../shared/errors';
import { compareIsoDates } from '../../../../shared/dates';
import { bareIcd10Code, dottedIcd10Code, type Problem, type ProblemCoding } from '../../../../shared/domain/problem';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import type { StoredRow } from '../../records/record-kind';
import { problemKind } from '../chart-kinds';
import { auditChartView, refuseFutureDate, requireLivePatient } from './chart-checks';
import { icd10Description } from './icd10-code-set';

interface ProblemRow {
  id: string;
  version: number;
  patient_id: string;
  visit_id: string | null;
  category: Problem['category'];
  icd10_code: string | null;
  description: string;
  status: Problem['status'];
  chronic: number;
  onset_date: string | null;
  resolved_date: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

function toProblem(r: ProblemRow): Problem {
  return {
    id: r.id,
    version: r.version,
    patientId: r.patient_id,
    visitId: r.visit_id,
    category: r.category,
    code: r.icd10_code === null ? null : dottedIcd10Code(r.icd10_code),
    description: r.description,
    status: r.status,
    chronic: r.chronic === 1,
    onsetDate: r.onset_date,
    resolvedDate: r.resolved_date,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const asProblem = (row: StoredRow): Problem => toProblem(row as unknown as ProblemRow);

export interface ProblemAdd {
  patientId: string;
  category: Problem['category'];
  visitId: string | null;
  coding: ProblemCoding;
  chronic: boolean;
  onsetDate: string | null;
  note: string;
  addToProblemList: boolean;
}

export interface ProblemEdit {
  id: string;
  version: number;
  coding: ProblemCoding;
  chronic: boolean;
  onsetDate: string | null;
  note: string;
}

/**
 * The problem list and visit diagnoses (FHIR Condition, category problem-list-item or
 * encounter-diagnosis). Each change is one IMMEDIATE transaction through the RecordWriter.
 */
export class ProblemService {
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.writer = new RecordWriter(ctx);
  }

  /** The patient's problems and diagnoses, active first, then newest; the read is audited. */
  list(patientId: string, actor: Actor): Problem[] {
    const db = this.ctx.db.sqlite;
    return db.transaction(() => {
      requireLivePatient(this.ctx, patientId);
      auditChartView(this.ctx, actor, patientId, 'problems');
      return this.section(patientId);
    })();
  }

  /** The list, unaudited: for list() and the chart overview, inside their read. */
  section(patientId: string): Problem[] {
    const rows = preparedOnce(
      this.ctx.db.sqlite,
      `SELECT * FROM problems WHERE patient_id = ? AND deleted_at IS NULL
         ORDER BY status = 'active' DESC, COALESCE(onset_date, substr(created_at, 1, 10)) DESC, created_at DESC`,
    ).all(patientId) as ProblemRow[];
    return rows.map(toProblem);
  }

  /** Code and description: a known ICD-10-CM code with its official description, or the doctor's words uncoded. */
  private named(coding: ProblemCoding): { icd10_code: string | null; description: string } {
    if (coding.kind === 'text') return { icd10_code: null, description: coding.text };
    const description = icd10Description(this.ctx, coding.code);
    if (description === null) {
      const message = t('errors.chart.problems.unknownCode', { code: coding.code });
      throw new AppError('VALIDATION', message, { 'coding.code': message });
    }
    // Stored as the official file writes it (E119), like icd10_codes; shown and exchanged with the dot.
    return { icd10_code: bareIcd10Code(coding.code), description };
  }

  private checkOnset(onsetDate: string | null): void {
    refuseFutureDate(this.ctx, onsetDate, 'onsetDate', t('errors.chart.problems.onsetInFuture'));
  }

  add(input: ProblemAdd, actor: Actor): Problem {
    const db = this.ctx.db.sqlite;
    // Read (and on first use, load) the code set before the write transaction opens.
    const named = this.named(input.coding);
    return db
      .transaction(() => {
        requireLivePatient(this.ctx, input.patientId);
        this.checkOnset(input.onsetDate);
        if (input.category === 'encounter-diagnosis') {
          this.requireVisit(input.patientId, input.visitId);
        } else if (input.visitId !== null) {
          const message = t('errors.chart.problems.visitOnlyForDiagnosis');
          throw new AppError('VALIDATION', message, { visitId: message });
        }
        const at = isoNow(this.ctx);
        const columns = {
          patient_id: input.patientId,
          ...named,
          status: 'active',
          chronic: input.chronic ? 1 : 0,
          onset_date: input.onsetDate,
          resolved_date: null,
          note: input.note,
        };
        const detail = named.icd10_code === null ? 'uncoded' : dottedIcd10Code(named.icd10_code);
        const row = this.writer.create(
          problemKind,
          { ...columns, category: input.category, visit_id: input.visitId },
          { actor, at, audit: { action: 'problem.add', details: `${input.category} ${detail}` } },
        );
        if (
          input.category === 'encounter-diagnosis' &&
          input.addToProblemList &&
          !this.onProblemList(input.patientId, named)
        ) {
          this.writer.create(
            problemKind,
            { ...columns, category: 'problem-list-item', visit_id: null },
            { actor, at, audit: { action: 'problem.add', details: `problem-list-item ${detail} (from visit)` } },
          );
        }
        return asProblem(row);
      })
      .immediate();
  }

  update(input: ProblemEdit, actor: Actor): Problem {
    const named = this.named(input.coding);
    return this.change(input.id, input.version, actor, 'edited', (before) => {
      this.checkOnset(input.onsetDate);
      this.checkResolvedAfterOnset(input.onsetDate, before.resolved_date);
      return { ...named, chronic: input.chronic ? 1 : 0, onset_date: input.onsetDate, note: input.note };
    });
  }

  resolve(id: string, version: number, resolvedDate: string, actor: Actor): Problem {
    return this.change(id, version, actor, `resolved on ${resolvedDate}`, (before) => {
      if (before.status === 'resolved') {
        throw new AppError('VALIDATION', t('errors.chart.problems.alreadyResolved'));
      }
      refuseFutureDate(this.ctx, resolvedDate, 'resolvedDate', t('errors.chart.problems.resolvedInFuture'));
      this.checkResolvedAfterOnset(before.onset_date, resolvedDate);
      return { status: 'resolved', resolved_date: resolvedDate };
    });
  }

  reactivate(id: string, version: number, actor: Actor): Problem {
    return this.change(id, version, actor, 'reactivated', (before) => {
      if (before.status === 'active') throw new AppError('VALIDATION', t('errors.chart.problems.alreadyActive'));
      return { status: 'active', resolved_date: null };
    });
  }

  private change(
    id: string,
    version: number,
    actor: Actor,
    details: string,
    patch: (before: ProblemRow) => Record<string, string | number | null>,
  ): Problem {
    const db = this.ctx.db.sqlite;
    return db
      .transaction(() => {
        const before = this.writer.load(problemKind, id) as unknown as ProblemRow | undefined;
        if (!before) throw new AppError('NOT_FOUND', problemKind.notFoundMessage());
        // Asked before the rules so a stale screen hears CONFLICT first; the writer checks again in SQL.
        if (before.version !== version) throw new AppError('CONFLICT', problemKind.conflictMessage());
        requireLivePatient(this.ctx, before.patient_id);
        const row = this.writer.update(problemKind, id, version, patch(before), {
          actor,
          at: isoNow(this.ctx),
          audit: {
            action: 'problem.update',
            details: `${details} (${before.icd10_code === null ? 'uncoded' : dottedIcd10Code(before.icd10_code)})`,
          },
        });
        return asProblem(row);
      })
      .immediate();
  }

  private checkResolvedAfterOnset(onset: string | null, resolved: string | null): void {
    if (onset !== null && resolved !== null && compareIsoDates(resolved, onset) < 0) {
      const message = t('errors.chart.problems.resolvedBeforeOnset');
      throw new AppError('VALIDATION', message, { resolvedDate: message });
    }
  }

  /** Whether the same diagnosis (same code, or the same words uncoded) is already an active problem. */
  private onProblemList(patientId: string, named: { icd10_code: string | null; description: string }): boolean {
    return (
      preparedOnce(
        this.ctx.db.sqlite,
        `SELECT 1 FROM problems WHERE patient_id = ? AND category = 'problem-list-item' AND status = 'active'
         AND deleted_at IS NULL AND (icd10_code = ? OR (icd10_code IS NULL AND ? IS NULL AND description = ?)) LIMIT 1`,
      ).get(patientId, named.icd10_code, named.icd10_code, named.description) !== undefined
    );
  }

  /** A visit diagnosis belongs to a visit of this patient that exists. */
  private requireVisit(patientId: string, visitId: string | null): void {
    if (visitId === null) {
      const message = t('errors.chart.problems.visitRequired');
      throw new AppError('VALIDATION', message, { visitId: message });
    }
    const visit = preparedOnce(
      this.ctx.db.sqlite,
      'SELECT patient_id FROM visits WHERE id = ? AND deleted_at IS NULL',
    ).get(visitId) as { patient_id: string } | undefined;
    if (!visit || visit.patient_id !== patientId) {
      const message = t('errors.chart.problems.unknownVisit');
      throw new AppError('VALIDATION', message, { visitId: message });
    }
  }
}
