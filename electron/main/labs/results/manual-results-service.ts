import type Database from 'better-sqlite3';
import type { LabComparator } from '../../../../shared/domain/lab';
import type { LabReportView, LabResultsEnter } from '../../../../shared/domain/lab-order';
import { AppError } from '../../../../shared/errors';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter, type ColumnValues } from '../../records/record-writer';
import { labTestByCode } from '../catalogue/lab-catalogue';
import { labOrderKind, labOrderTestKind, labReportKind, labResultKind } from '../lab-kinds';
import { livePatient } from '../orders/lab-order-service';
import {
  reportShownFor,
  reportView,
  type LabOrderRow,
  type LabOrderTestRow,
  type LabResultRow,
} from '../orders/lab-order-views';
import { syncOrderStatus } from '../order-status';
import { interpretLabValue } from './interpret';
import { previousNumericResult } from './previous';
import { unitProblemMessage } from './units';

/** "5.4", "-2", "<0.5", ">= 1000": an optional comparator and a plain decimal number (a dot, no thousands separators). */
const NUMBER = /^(<=|>=|<|>)?\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))$/;

export function parseLabNumber(text: string): { value: number; comparator: LabComparator | null } | null {
  const m = NUMBER.exec(text.trim());
  if (!m) return null;
  const value = Number(m[2]);
  if (!Number.isFinite(value)) return null;
  return { value, comparator: (m[1] as LabComparator | undefined) ?? null };
}

/** Reference range as printed beside a value: "13–17", "< 200", "> 40". */
export function rangeText(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return `${low}–${high}`;
  if (high !== null) return `≤ ${high}`;
  if (low !== null) return `≥ ${low}`;
  return '';
}

/**
 * Results typed from a lab's paper report (issue 11, part 3), one report per ordered test or panel.
 * Each value is interpreted as an imported one is (results/interpret.ts: unit conversion, the
 * range for the patient's sex and age, critical limits, the delta check against the patient's
 * previous value). Entering the same ordered test again corrects its report (status corrected,
 * results updated in place, so their history shows what changed) instead of adding a second one.
 * One IMMEDIATE transaction: the report, its results, the order's status and the audit entry
 * commit together, or a refusal leaves nothing.
 */
export class ManualResultsService {
  private readonly db: Database.Database;
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
    this.writer = new RecordWriter(ctx);
  }

  private invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION', message, { [field]: message });
  }

  enter(input: LabResultsEnter, actor: Actor): LabReportView {
    const reportId = this.db
      .transaction(() => {
        const orderTest = this.writer.load(labOrderTestKind, input.orderTestId) as unknown as
          LabOrderTestRow | undefined;
        if (!orderTest) throw new AppError('NOT_FOUND', t('errors.labs.orders.orderNotFound'));
        const order = this.writer.load(labOrderKind, orderTest.order_id) as unknown as LabOrderRow | undefined;
        if (!order) throw new AppError('NOT_FOUND', t('errors.labs.orders.orderNotFound'));
        const patient = livePatient(this.db, order.patient_id);
        if (order.status === 'cancelled') throw this.invalid('orderTestId', t('errors.labs.orders.orderCancelled'));

        const at = isoNow(this.ctx);
        const observedMs = Date.parse(input.observedAt);
        if (observedMs > this.ctx.now().getTime())
          throw this.invalid('observedAt', t('errors.labs.orders.observedInFuture'));
        if (patient.birthDate && observedMs < Date.parse(`${patient.birthDate}T00:00:00Z`) - 86_400_000)
          throw this.invalid('observedAt', t('errors.labs.orders.observedBeforeBirth'));
        const observedAt = new Date(observedMs).toISOString();

        const ordered = labTestByCode(this.db, orderTest.code);
        const allowed = ordered ? (ordered.kind === 'panel' ? ordered.members : [ordered.code]) : [];
        // The report the order shows for this test: entered here, or imported (a lab may report a
        // panel ordered as "XELEC" under its own code); entering again corrects that one report.
        const existing = reportShownFor(this.db, order.id, orderTest);
        const oldResults = existing
          ? (preparedOnce(this.db, 'SELECT * FROM lab_results WHERE report_id = ? AND deleted_at IS NULL').all(
              existing.id,
            ) as LabResultRow[])
          : [];
        // The delta check compares with values before this report (never with its own earlier entry).
        const before = existing && existing.observed_at < observedAt ? existing.observed_at : observedAt;

        const seen = new Set<string>();
        const rows: ColumnValues[] = [];
        input.results.forEach((result, n) => {
          const field = (name: string) => `results.${n}.${name}`;
          if (!allowed.includes(result.code))
            throw this.invalid(
              field('code'),
              t('errors.labs.orders.notInOrderedTest', { code: result.code, name: orderTest.name }),
            );
          if (seen.has(result.code))
            throw this.invalid(field('code'), t('errors.labs.orders.resultTwice', { code: result.code }));
          seen.add(result.code);
          if (result.value === '') return;
          const test = labTestByCode(this.db, result.code)!;
          const numeric = test.valueType !== 'text';
          let valueNum: number | null = null;
          let comparator: LabComparator | null = null;
          if (numeric) {
            const parsed = parseLabNumber(result.value);
            if (!parsed)
              throw this.invalid(
                field('value'),
                t('errors.labs.orders.notANumber', { value: result.value, name: test.name }),
              );
            valueNum = parsed.value;
            comparator = parsed.comparator;
          }
          const unit = numeric ? result.unit || (test.unit ?? '') : '';
          const outcome = interpretLabValue({
            test,
            valueType: numeric ? 'numeric' : 'text',
            valueNum,
            comparator,
            unit,
            valueText: numeric ? '' : result.value,
            labFlag: null,
            refLow: null,
            refHigh: null,
            refText: '',
            patient: { sex: patient.sex, birthDate: patient.birthDate || null },
            observedAt,
            previous: numeric ? previousNumericResult(this.db, patient.id, test.code, before, test.unit) : null,
          });
          if (!outcome.ok) throw this.invalid(field('unit'), unitProblemMessage(outcome.problem));
          const v = outcome.value;
          rows.push({
            patient_id: patient.id,
            order_test_id: orderTest.id,
            position: n,
            code: test.code,
            code_system: test.system,
            name: test.name,
            value_type: numeric ? 'numeric' : 'text',
            value_num: v.valueNum,
            comparator: v.comparator,
            unit: v.unit,
            value_text: v.valueText,
            original_value: numeric ? result.value.replace(/\s+/g, '') : result.value,
            original_unit: v.originalUnit,
            ref_low: v.refLow,
            ref_high: v.refHigh,
            ref_text: v.refText || rangeText(v.refLow, v.refHigh),
            flag: v.flag,
            critical: v.critical ? 1 : 0,
            delta_note: v.deltaNote,
            status: existing ? 'corrected' : 'final',
            observed_at: observedAt,
            comment: result.comment,
          });
        });
        if (rows.length === 0) throw this.invalid('results', t('errors.labs.orders.noValues'));

        // A lab's own report keeps its code, name and source when corrected here; the correction is
        // in its status, its results' history and the audit trail.
        const imported = existing !== undefined && existing.source !== 'manual';
        const reportValues = {
          patient_id: patient.id,
          order_id: order.id,
          code: imported ? existing.code : orderTest.code,
          name: imported ? existing.name : orderTest.name,
          source: imported ? existing.source : 'manual',
          performer: input.performer || (imported ? existing.performer : order.lab_name),
          status: existing ? 'corrected' : 'final',
          observed_at: observedAt,
          issued_at: at,
          comment: input.comment,
          doctor_id: actor.userId,
        };
        const details = `${order.number} ${orderTest.code}: ${rows.length} results${existing ? ' (corrected)' : ''}`;
        const audit = { action: 'lab.result_enter' as const, details };
        const report = existing
          ? this.writer.update(labReportKind, existing.id, existing.version, reportValues, { actor, at, audit })
          : this.writer.create(labReportKind, reportValues, { actor, at, audit });
        // Results: the same test's row is corrected in place; a value now left empty is withdrawn.
        const byCode = new Map(oldResults.map((r) => [r.code, r]));
        for (const values of rows) {
          const old = byCode.get(values.code as string);
          byCode.delete(values.code as string);
          if (old) this.writer.update(labResultKind, old.id, old.version, values, { actor, at, audit: null });
          else this.writer.create(labResultKind, { ...values, report_id: report.id }, { actor, at, audit: null });
        }
        for (const old of byCode.values())
          this.writer.softDelete(labResultKind, old.id, old.version, { actor, at, audit: null });
        syncOrderStatus(this.db, this.writer, order.id, { actor, at, audit: null });
        return report.id;
      })
      .immediate();
    const row = preparedOnce(this.db, 'SELECT * FROM lab_reports WHERE id = ?').get(reportId) as Parameters<
      typeof reportView
    >[1];
    return reportView(this.db, row);
  }
}
