import type Database from 'better-sqlite3';
import {
  loincCheckDigitOk,
  type LabCatalogueEntry,
  type LabRangeInput,
  type LabTestAdd,
  type LabTestUpdate,
} from '../../../../shared/domain/lab-order';
import { AppError } from '../../../../shared/errors';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { t } from '../../i18n/translate';
import { RecordWriter, type ColumnValues } from '../../records/record-writer';
import { labTestKind } from '../lab-kinds';
import { toUcum } from '../results/units';
import { labCatalogueChanged, labCatalogueEntry, searchLabCatalogue } from './lab-catalogue';

type TestFields = Omit<LabTestAdd, 'code' | 'kind'>;

/**
 * The clinic's edits of the lab catalogue (issue 11, part 1): add a test or panel of its own, change
 * a shipped one's ranges, unit, members or delta limit, hide one from ordering. Each write is one
 * `lab_tests` row through the record writer, audited (lab.test_add / lab.test_update) in the same
 * IMMEDIATE transaction. A refused edit says which field and why, and writes nothing.
 */
export class LabCatalogueService {
  private readonly db: Database.Database;
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
    this.writer = new RecordWriter(ctx);
  }

  search(text: string, limit: number, includeHidden: boolean): LabCatalogueEntry[] {
    return searchLabCatalogue(this.db, text, { limit, includeHidden });
  }

  get(code: string): LabCatalogueEntry {
    const entry = labCatalogueEntry(this.db, code.trim().toUpperCase());
    if (!entry) throw new AppError('NOT_FOUND', t('errors.labs.testNotFound'));
    return entry;
  }

  add(input: LabTestAdd, actor: Actor): LabCatalogueEntry {
    if (/^\d/.test(input.code) && !loincCheckDigitOk(input.code)) {
      throw this.invalid('code', t('errors.labs.orders.loincCheckDigit', { code: input.code }));
    }
    const values = this.checked(input.code, input.kind, input);
    this.db
      .transaction(() => {
        if (labCatalogueEntry(this.db, input.code)) {
          throw this.invalid('code', t('errors.labs.orders.codeTaken', { code: input.code }));
        }
        this.writer.create(
          labTestKind,
          { code: input.code, kind: input.kind, ...values, hidden: 0 },
          {
            actor,
            at: isoNow(this.ctx),
            audit: { action: 'lab.test_add', patientId: null, details: `${input.code} ${input.name}` },
          },
        );
      })
      .immediate();
    labCatalogueChanged(this.db);
    return this.get(input.code);
  }

  update(input: LabTestUpdate, actor: Actor): LabCatalogueEntry {
    this.db
      .transaction(() => {
        const current = labCatalogueEntry(this.db, input.code);
        if (!current) throw new AppError('NOT_FOUND', t('errors.labs.testNotFound'));
        const values: ColumnValues = { ...this.checked(input.code, current.kind, input), hidden: input.hidden ? 1 : 0 };
        if (current.origin !== 'clinic') {
          // A shipped test's molar mass comes with the catalogue (what is measured does not change).
          if (input.molarMass !== null && input.molarMass !== (current.molarMass ?? null))
            throw this.invalid('molarMass', t('errors.labs.orders.molarMassShipped'));
          values.molar_mass = null;
        }
        const options = {
          actor,
          at: isoNow(this.ctx),
          audit: {
            action: 'lab.test_update' as const,
            patientId: null,
            details: `${input.code} ${input.name}${input.hidden !== current.hidden ? (input.hidden ? '; hidden' : '; shown') : ''}`,
          },
        };
        if (current.version === null) {
          // A shipped test the clinic had not changed: its first edit is the clinic's row.
          if (input.version !== null) throw new AppError('CONFLICT', t('errors.labs.someoneElseChanged'));
          this.writer.create(labTestKind, { code: input.code, kind: current.kind, ...values }, options);
        } else {
          if (input.version === null) throw new AppError('CONFLICT', t('errors.labs.someoneElseChanged'));
          const row = this.db
            .prepare('SELECT id FROM lab_tests WHERE code = ? AND deleted_at IS NULL')
            .get(input.code) as { id: string };
          this.writer.update(labTestKind, row.id, input.version, values, options);
        }
      })
      .immediate();
    labCatalogueChanged(this.db);
    return this.get(input.code);
  }

  // ---- Rules ----------------------------------------------------------------------------------

  private invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION', message, { [field]: message });
  }

  /** The row's columns for a test or panel that passes every rule; else the first field's refusal. */
  private checked(code: string, kind: 'test' | 'panel', input: TestFields): ColumnValues {
    if (kind === 'panel') {
      this.checkMembers(code, input.members);
      return {
        name: input.name,
        unit: null,
        value_type: null,
        ranges_json: '[]',
        members_json: JSON.stringify(input.members),
        delta_percent: null,
        molar_mass: null,
      };
    }
    if (input.members.length > 0) throw this.invalid('members', t('errors.labs.orders.testHasNoMembers'));
    const valueType = input.valueType ?? 'numeric';
    if (valueType === 'numeric') {
      const unit = (input.unit ?? '').trim();
      if (unit === '') throw this.invalid('unit', t('errors.labs.orders.unitNeeded'));
      // Kept exactly as UCUM writes it: conversions and exchange read this code.
      if (toUcum(unit) !== unit) throw this.invalid('unit', t('errors.labs.orders.unitNotUcum', { unit }));
      input.ranges.forEach((range, n) => this.checkRange(range, n));
    } else if (input.ranges.some((r) => [r.low, r.high, r.criticalLow, r.criticalHigh].some((v) => v !== null))) {
      throw this.invalid('ranges', t('errors.labs.orders.textHasNoRange'));
    }
    return {
      name: input.name,
      unit: valueType === 'numeric' ? (input.unit ?? '').trim() : null,
      value_type: valueType,
      ranges_json: JSON.stringify(valueType === 'numeric' ? input.ranges : []),
      members_json: '[]',
      delta_percent: valueType === 'numeric' ? input.deltaPercent : null,
      molar_mass: valueType === 'numeric' ? input.molarMass : null,
    };
  }

  private checkRange(range: LabRangeInput, n: number): void {
    const field = (name: string) => `ranges.${n}.${name}`;
    const { low, high, criticalLow, criticalHigh, ageFromDays, ageToDays } = range;
    if (ageFromDays !== null && ageToDays !== null && ageFromDays >= ageToDays)
      throw this.invalid(field('ageToDays'), t('errors.labs.orders.ageBandBackwards'));
    if (low === null && high === null && criticalLow === null && criticalHigh === null)
      throw this.invalid(field('low'), t('errors.labs.orders.rangeEmpty'));
    if (low !== null && high !== null && low > high)
      throw this.invalid(field('high'), t('errors.labs.orders.rangeBackwards', { low, high }));
    if (criticalLow !== null && low !== null && criticalLow > low)
      throw this.invalid(field('criticalLow'), t('errors.labs.orders.criticalLowAboveLow'));
    if (criticalHigh !== null && high !== null && criticalHigh < high)
      throw this.invalid(field('criticalHigh'), t('errors.labs.orders.criticalHighBelowHigh'));
  }

  private checkMembers(code: string, members: readonly string[]): void {
    if (members.length === 0) throw this.invalid('members', t('errors.labs.orders.panelNeedsTests'));
    const seen = new Set<string>();
    members.forEach((member, n) => {
      const field = `members.${n}`;
      if (member === code) throw this.invalid(field, t('errors.labs.orders.panelInItself'));
      if (seen.has(member)) throw this.invalid(field, t('errors.labs.orders.memberTwice', { code: member }));
      seen.add(member);
      const entry = labCatalogueEntry(this.db, member);
      if (!entry) throw this.invalid(field, t('errors.labs.orders.memberUnknown', { code: member }));
      if (entry.kind !== 'test') throw this.invalid(field, t('errors.labs.orders.memberIsPanel', { name: entry.name }));
    });
  }
}
