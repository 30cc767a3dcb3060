import type Database from 'better-sqlite3';
import { incomingLabReportSchema, type IncomingLabReport, type LabTest } from '../../../../shared/domain/lab';
import type {
  LabImportInput,
  LabImportProblem,
  LabImportProgress,
  LabImportSummary,
  LabUnmatched,
} from '../../../../shared/domain/lab-import';
import { AppError } from '../../../../shared/errors';
import { appendAudit } from '../../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter, type WriteOptions } from '../../records/record-writer';
import { clinicTimeZone } from '../../settings/settings-service';
import { labReportKind, labResultKind, labUnmatchedKind } from '../lab-kinds';
import { syncOrderStatus } from '../order-status';
import { interpretLabValue } from '../results/interpret';
import { previousNumericResult } from '../results/previous';
import { toUcum, unitProblemMessage } from '../results/units';
import { readFhirLabFile } from './fhir/fhir-lab-reader';
import { readOruFile } from './hl7/oru-reader';
import type { LabFileReading } from './lab-import-problem';
import { matchLabReport, type LabMatch } from './lab-matcher';

/**
 * Imports lab result files (issue 11, part 4) and keeps the reconciliation list.
 *
 * - The file is read whole first (readers set aside each bad message with where it is and why).
 * - Reports are written in batches of BATCH_SIZE per IMMEDIATE transaction, each report in a
 *   savepoint of its own, so a report that fails while being written leaves nothing behind and the
 *   rest of the batch commits. Between batches the core yields to its other requests (other
 *   windows, `labs.import.progress`), so thousands of messages never hold the core up.
 * - A report whose source key is already in lab_reports or lab_unmatched changes nothing.
 * - Every record goes through RecordWriter (change log); each report is audited once (`lab.import`,
 *   naming its patient), its results ride on that entry.
 */

export const LAB_IMPORT_BATCH_SIZE = 500;

/** The catalogue's test for a code, or null when the clinic does not know it (values are then kept as received). */
export type FindLabTest = (code: string) => LabTest | null;

interface PatientFacts {
  sex: string;
  birth_date: string;
}

class ReportWriteError extends Error {
  constructor(
    readonly segment: string,
    message: string,
  ) {
    super(message);
  }
}

export class LabImportService {
  private readonly db: Database.Database;
  private readonly writer: RecordWriter;
  private readonly progressByUser = new Map<string, LabImportProgress>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly findTest: FindLabTest,
    /** Lets other requests run between batches; tests and the bench may pass one that does not wait. */
    private readonly yieldBetweenBatches: () => Promise<void> = () => new Promise((r) => setImmediate(r)),
  ) {
    this.db = ctx.db.sqlite;
    this.writer = new RecordWriter(ctx);
  }

  progress(actor: Actor): LabImportProgress {
    return this.progressByUser.get(actor.userId) ?? { running: false, fileName: '', done: 0, total: 0 };
  }

  /** Reads a file without writing anything. */
  read(input: LabImportInput): LabFileReading {
    const text = input.content.replace(/^\uFEFF/, '');
    const start = text.trimStart();
    const now = this.ctx.now();
    if (start.startsWith('{')) return readFhirLabFile(text, { fileName: input.fileName, now });
    if (start.startsWith('MSH') || start.startsWith('\x0b') || /^(FHS|BHS)/.test(start)) {
      return readOruFile(text, { fileName: input.fileName, now, timeZone: clinicTimeZone(this.ctx) });
    }
    const message = start === '' ? t('errors.labs.imports.emptyFile') : t('errors.labs.imports.notRecognised');
    throw new AppError('VALIDATION', message, { content: message });
  }

  async importFile(input: LabImportInput, actor: Actor): Promise<LabImportSummary> {
    const reading = this.read(input);
    const summary: LabImportSummary = {
      fileName: input.fileName,
      format: reading.format,
      reports: reading.reports.length,
      imported: 0,
      results: 0,
      alreadyThere: 0,
      toReconcile: 0,
      problems: [...reading.problems],
    };
    const progress: LabImportProgress = {
      running: true,
      fileName: input.fileName,
      done: 0,
      total: reading.reports.length,
    };
    this.progressByUser.set(actor.userId, progress);
    try {
      for (let start = 0; start < reading.reports.length; start += LAB_IMPORT_BATCH_SIZE) {
        const batch = reading.reports.slice(start, start + LAB_IMPORT_BATCH_SIZE);
        this.db.transaction(() => this.writeBatch(batch, actor, summary)).immediate();
        progress.done = start + batch.length;
        if (progress.done < progress.total) await this.yieldBetweenBatches();
      }
    } finally {
      progress.running = false;
    }
    return summary;
  }

  private writeBatch(batch: IncomingLabReport[], actor: Actor, summary: LabImportSummary): void {
    const at = isoNow(this.ctx);
    for (const report of batch) {
      if (this.alreadyImported(report.sourceKey)) {
        summary.alreadyThere += 1;
        continue;
      }
      try {
        // A savepoint per report: one that fails while written leaves nothing, the batch goes on.
        this.db.transaction(() => {
          const match = matchLabReport(this.db, report);
          if (match.kind === 'unmatched') {
            this.holdForReconciliation(report, match, actor, at);
            summary.toReconcile += 1;
          } else {
            summary.results += this.writeReport(report, match, actor, at, 'lab.import');
            summary.imported += 1;
          }
        })();
      } catch (error) {
        // A refusal while writing one report (its savepoint rolled back) is that report's problem;
        // anything else is a fault of ours and stops the import with its batch rolled back.
        if (error instanceof ReportWriteError) summary.problems.push(this.problem(report, error));
        else if (error instanceof AppError)
          summary.problems.push(this.problem(report, new ReportWriteError('', error.message)));
        else throw error;
      }
    }
  }

  private problem(report: IncomingLabReport, error: ReportWriteError): LabImportProblem {
    return { fileName: report.fileName, location: report.location, segment: error.segment, message: error.message };
  }

  private alreadyImported(sourceKey: string): boolean {
    return (
      (
        preparedOnce(
          this.db,
          `SELECT EXISTS (SELECT 1 FROM lab_reports WHERE source_key = @k)
             OR EXISTS (SELECT 1 FROM lab_unmatched WHERE source_key = @k) AS found`,
        ).get({ k: sourceKey }) as { found: number }
      ).found === 1
    );
  }

  private holdForReconciliation(
    report: IncomingLabReport,
    match: Extract<LabMatch, { kind: 'unmatched' }>,
    actor: Actor,
    at: string,
  ): void {
    this.writer.create(
      labUnmatchedKind,
      {
        source: report.source,
        source_key: report.sourceKey,
        file_name: report.fileName,
        payload_json: JSON.stringify(report),
        reason: match.reason,
        candidates_json: JSON.stringify(match.candidates),
        status: 'pending',
      },
      {
        actor,
        at,
        audit: {
          action: 'lab.import',
          patientId: null,
          details: `${report.fileName}, ${report.location}: ${report.name}, to reconcile (${match.reason})`,
        },
      },
    );
  }

  /** Writes the report and its results on the patient; returns how many results. */
  private writeReport(
    report: IncomingLabReport,
    match: { patientId: string; orderId?: string | null; doctorId?: string | null },
    actor: Actor,
    at: string,
    action: 'lab.import' | 'lab.unmatched_assign',
  ): number {
    const patient = preparedOnce(
      this.db,
      'SELECT sex, birth_date FROM patients WHERE id = ? AND deleted_at IS NULL',
    ).get(match.patientId) as PatientFacts | undefined;
    if (!patient) throw new AppError('NOT_FOUND', t('errors.labs.imports.patientGone'));
    const options: WriteOptions = {
      actor,
      at,
      audit: {
        action,
        patientId: match.patientId,
        details: `${report.fileName}, ${report.location}: ${report.name}, ${report.results.length} results`,
      },
    };
    const orderId = match.orderId ?? null;
    const created = this.writer.create(
      labReportKind,
      {
        patient_id: match.patientId,
        order_id: orderId,
        code: report.code,
        name: report.name,
        source: report.source,
        source_key: report.sourceKey,
        performer: report.performer,
        status: report.status,
        observed_at: report.observedAt,
        issued_at: report.issuedAt,
        comment: report.comment,
        doctor_id: match.doctorId ?? actor.userId,
      },
      options,
    );
    const quiet: WriteOptions = { actor, at, audit: null };
    for (const [position, result] of report.results.entries()) {
      const test = this.findTest(result.code);
      const observedAt = result.observedAt ?? report.observedAt;
      const storedUnit = test?.unit ?? (result.unit ? toUcum(result.unit) : null);
      const outcome = interpretLabValue({
        test,
        valueType: result.valueType,
        valueNum: result.valueNum,
        comparator: result.comparator,
        unit: result.unit,
        valueText: result.valueText,
        labFlag: result.flag,
        refLow: result.refLow,
        refHigh: result.refHigh,
        refText: result.refText,
        patient: { sex: patient.sex, birthDate: patient.birth_date },
        observedAt,
        previous:
          result.valueType === 'numeric'
            ? previousNumericResult(this.db, match.patientId, result.code, observedAt, storedUnit)
            : null,
      });
      if (!outcome.ok) throw new ReportWriteError(`OBX ${result.setId}`, unitProblemMessage(outcome.problem));
      const v = outcome.value;
      const orderTest = orderId ? this.orderTestFor(orderId, result.code) : null;
      this.writer.insert(
        labResultKind,
        {
          report_id: created.id,
          patient_id: match.patientId,
          order_test_id: orderTest,
          position,
          code: result.code,
          code_system: result.codeSystem,
          name: result.name,
          value_type: result.valueType,
          value_num: v.valueNum,
          comparator: v.comparator,
          unit: v.unit,
          value_text: v.valueText,
          original_value: v.originalValue,
          original_unit: v.originalUnit,
          ref_low: v.refLow,
          ref_high: v.refHigh,
          ref_text: v.refText,
          flag: v.flag,
          critical: v.critical ? 1 : 0,
          delta_note: v.deltaNote,
          status: result.status,
          observed_at: observedAt,
          comment: result.comment,
        },
        quiet,
      );
    }
    if (orderId) syncOrderStatus(this.db, this.writer, orderId, { ...options, audit: null });
    return report.results.length;
  }

  /**
   * The ordered test a result answers: the test itself, or the panel it is a member of (a lab
   * reports a panel ordered as "XELEC" under its own panel code, with the members' LOINC codes), so
   * the order's status follows imported results as it follows typed ones.
   */
  private orderTestFor(orderId: string, code: string): string | null {
    const tests = preparedOnce(
      this.db,
      'SELECT id, code, kind FROM lab_order_tests WHERE order_id = ? AND deleted_at IS NULL ORDER BY position',
    ).all(orderId) as { id: string; code: string; kind: string }[];
    const direct = tests.find((t) => t.code === code);
    if (direct) return direct.id;
    const panel = tests.find((t) => t.kind === 'panel' && (this.findTest(t.code)?.members.includes(code) ?? false));
    return panel?.id ?? null;
  }

  // ---- The reconciliation list ------------------------------------------------------------------

  list(status: LabUnmatched['status'], actor: Actor): LabUnmatched[] {
    const rows = preparedOnce(
      this.db,
      `SELECT * FROM lab_unmatched WHERE status = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 500`,
    ).all(status) as UnmatchedRow[];
    const items = rows.map((row) => this.view(row));
    const shown = [...new Set(items.flatMap((i) => [...i.candidates.map((c) => c.id), i.patientId ?? '']))].filter(
      Boolean,
    );
    appendAudit(this.db, {
      action: 'lab.unmatched_view',
      userId: actor.userId,
      username: actor.username,
      at: isoNow(this.ctx),
      details: `${items.length} ${status}`,
      patientIds: shown,
    });
    return items;
  }

  private view(row: UnmatchedRow): LabUnmatched {
    const candidateIds = JSON.parse(row.candidates_json) as string[];
    const candidates = candidateIds
      .map(
        (id) =>
          preparedOnce(
            this.db,
            `SELECT id, mrn, given_names || ' ' || family_name AS name, birth_date AS birthDate, sex
               FROM patients WHERE id = ? AND deleted_at IS NULL`,
          ).get(id) as LabUnmatched['candidates'][number] | undefined,
      )
      .filter((c): c is LabUnmatched['candidates'][number] => c !== undefined);
    return {
      id: row.id,
      version: row.version,
      status: row.status as LabUnmatched['status'],
      fileName: row.file_name,
      receivedAt: row.created_at,
      reason: row.reason,
      report: incomingLabReportSchema.parse(JSON.parse(row.payload_json)),
      candidates,
      patientId: row.patient_id,
      reportId: row.report_id,
    };
  }

  private pending(id: string, version: number): UnmatchedRow {
    const row = this.writer.load(labUnmatchedKind, id) as UnmatchedRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', t('errors.labs.notFound'));
    if (row.version !== version) throw new AppError('CONFLICT', t('errors.labs.someoneElseChanged'));
    if (row.status !== 'pending') throw new AppError('CONFLICT', t('errors.labs.imports.unmatchedNotPending'));
    return row;
  }

  /** The doctor chose the patient: the report is written on them (in their inbox), audited. */
  assign(id: string, version: number, patientId: string, actor: Actor): LabUnmatched {
    const at = isoNow(this.ctx);
    const updated = this.db
      .transaction(() => {
        const row = this.pending(id, version);
        const report = incomingLabReportSchema.parse(JSON.parse(row.payload_json));
        const order = report.orderNumber
          ? (preparedOnce(
              this.db,
              'SELECT id FROM lab_orders WHERE number = ? AND patient_id = ? AND deleted_at IS NULL',
            ).get(report.orderNumber.trim().toUpperCase(), patientId) as { id: string } | undefined)
          : undefined;
        let reportId: string;
        try {
          this.writeReport(
            report,
            { patientId, orderId: order?.id ?? null, doctorId: actor.userId },
            actor,
            at,
            'lab.unmatched_assign',
          );
          reportId = (
            preparedOnce(this.db, 'SELECT id FROM lab_reports WHERE source_key = ?').get(report.sourceKey) as {
              id: string;
            }
          ).id;
        } catch (error) {
          if (error instanceof ReportWriteError) throw new AppError('VALIDATION', error.message);
          throw error;
        }
        return this.writer.update(
          labUnmatchedKind,
          id,
          version,
          {
            status: 'assigned',
            patient_id: patientId,
            report_id: reportId,
            resolved_at: at,
            resolved_by: actor.userId,
          },
          { actor, at, audit: null },
        );
      })
      .immediate();
    return this.view(updated as unknown as UnmatchedRow);
  }

  /**
   * Dismissed with the doctor's reason, which replaces the matcher's in `reason` (the matcher's is
   * kept in the dismissal's audit entry): the list of dismissed results says why each was dismissed.
   */
  dismiss(id: string, version: number, reason: string, actor: Actor): LabUnmatched {
    const at = isoNow(this.ctx);
    const updated = this.db
      .transaction(() => {
        const row = this.pending(id, version);
        return this.writer.update(
          labUnmatchedKind,
          id,
          version,
          { status: 'dismissed', reason, resolved_at: at, resolved_by: actor.userId },
          {
            actor,
            at,
            audit: {
              action: 'lab.unmatched_dismiss',
              patientId: null,
              details: `${row.file_name}: dismissed (${reason}); was to reconcile because: ${row.reason}`,
            },
          },
        );
      })
      .immediate();
    return this.view(updated as unknown as UnmatchedRow);
  }
}

interface UnmatchedRow {
  id: string;
  version: number;
  created_at: string;
  status: string;
  file_name: string;
  reason: string;
  payload_json: string;
  candidates_json: string;
  patient_id: string | null;
  report_id: string | null;
}
