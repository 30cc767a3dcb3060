import type Database from 'better-sqlite3';
import { ageOn } from '../../../../shared/dates';
import { AppError } from '../../../../shared/errors';
import {
  isPregnancyRelevant,
  MAX_PREGNANT_LMP_WEEKS,
  type HistoryEntry,
  type HistoryEntryInput,
  type PatientHistory,
  type SocialHistory,
  type SocialHistoryInput,
} from '../../../../shared/domain/history';
import { isoNow, type Actor, type ServiceContext } from '../../context';
import { preparedOnce } from '../../db/records';
import { t } from '../../i18n/translate';
import { RecordWriter } from '../../records/record-writer';
import type { StoredRow } from '../../records/record-kind';
import { historyEntryKind, socialHistoryKind } from '../chart-kinds';
import {
  changedColumns,
  chartPatient,
  clinicToday,
  daysBetween,
  readChartSection,
  type ChartPatient,
} from '../medications/chart-section';

interface EntryRow {
  id: string;
  version: number;
  section: HistoryEntry['section'];
  description: string;
  relation: string;
  when_text: string;
  note: string;
  updated_at: string;
}

interface SocialRow {
  id: string;
  version: number;
  patient_id: string;
  tobacco: SocialHistory['tobacco'];
  tobacco_detail: string;
  alcohol: SocialHistory['alcohol'];
  alcohol_detail: string;
  occupation: string;
  pregnancy_status: SocialHistory['pregnancyStatus'];
  lmp_date: string | null;
  updated_at: string;
}

const toEntry = (r: EntryRow): HistoryEntry => ({
  id: r.id,
  version: r.version,
  section: r.section,
  description: r.description,
  relation: r.relation,
  whenText: r.when_text,
  note: r.note,
  updatedAt: r.updated_at,
});

const toSocial = (r: SocialRow): SocialHistory => ({
  id: r.id,
  version: r.version,
  tobacco: r.tobacco,
  tobaccoDetail: r.tobacco_detail,
  alcohol: r.alcohol,
  alcoholDetail: r.alcohol_detail,
  occupation: r.occupation,
  pregnancyStatus: r.pregnancy_status,
  lmpDate: r.lmp_date,
  updatedAt: r.updated_at,
});

const SECTION_ORDER = { medical: 0, surgical: 1, family: 2 } as const;

/**
 * Past medical, surgical and family history (one record per line) and social history with
 * pregnancy status (one record per patient). Two laptops may each start a social history for the
 * same patient before they sync, so the table is not unique per patient: the newest is read, and
 * saved by its id and version.
 */
export class HistoryService {
  private readonly writer: RecordWriter;
  private readonly db: Database.Database;

  constructor(private readonly ctx: ServiceContext) {
    this.writer = new RecordWriter(ctx);
    this.db = ctx.db.sqlite;
  }

  get(patientId: string, actor: Actor): PatientHistory {
    return readChartSection(this.ctx, actor, patientId, 'history', (patient) => this.section(patient));
  }

  /** The history entries, the newest social history and whether pregnancy is asked; unaudited, for get() and the chart overview. */
  section(patient: ChartPatient): PatientHistory {
    const entries = (
      preparedOnce(this.db, 'SELECT * FROM history_entries WHERE patient_id = ? AND deleted_at IS NULL').all(
        patient.id,
      ) as EntryRow[]
    )
      .sort((a, b) => SECTION_ORDER[a.section] - SECTION_ORDER[b.section] || a.description.localeCompare(b.description))
      .map(toEntry);
    const social = this.newestSocial(patient.id);
    return {
      entries,
      social: social ? toSocial(social) : null,
      pregnancyRelevant: this.pregnancyRelevant(patient),
    };
  }

  addEntry(patientId: string, input: HistoryEntryInput, actor: Actor): HistoryEntry {
    return this.db
      .transaction(() => {
        chartPatient(this.db, patientId);
        const row = this.writer.create(
          historyEntryKind,
          { patient_id: patientId, ...this.entryColumns(input) },
          {
            actor,
            at: isoNow(this.ctx),
            audit: { action: 'history.save', details: `${input.section} history: added` },
          },
        );
        return toEntry(row as unknown as EntryRow);
      })
      .immediate();
  }

  updateEntry(id: string, version: number, input: HistoryEntryInput, actor: Actor): HistoryEntry {
    return this.db
      .transaction(() => {
        const before = this.loadEntry(id, version);
        chartPatient(this.db, before.patient_id as string);
        const patch = this.entryColumns(input);
        const changed = changedColumns(before, patch);
        const row = this.writer.update(historyEntryKind, id, version, patch, {
          actor,
          at: isoNow(this.ctx),
          audit: {
            action: 'history.save',
            details: `${input.section} history: ${changed.length ? `changed ${changed.join(', ')}` : 'saved without changes'}`,
          },
        });
        return toEntry(row as unknown as EntryRow);
      })
      .immediate();
  }

  /** Clinical records are never removed: the line is marked deleted and kept with its change log. */
  removeEntry(id: string, version: number, actor: Actor): null {
    this.db
      .transaction(() => {
        const before = this.loadEntry(id, version);
        chartPatient(this.db, before.patient_id as string);
        this.writer.softDelete(historyEntryKind, id, version, {
          actor,
          at: isoNow(this.ctx),
          audit: { action: 'history.save', details: `${String(before.section)} history: removed` },
        });
      })
      .immediate();
    return null;
  }

  /**
   * Saves social history. `record` is the one the form was opened on: null creates the patient's
   * first, but only while there is none (else someone else started one: CONFLICT); otherwise that
   * record is updated by id and version.
   */
  saveSocial(
    patientId: string,
    record: { id: string; version: number } | null,
    input: SocialHistoryInput,
    actor: Actor,
  ): SocialHistory {
    return this.db
      .transaction(() => {
        const patient = chartPatient(this.db, patientId);
        this.checkPregnancy(patient, input);
        const columns = {
          tobacco: input.tobacco,
          tobacco_detail: input.tobaccoDetail,
          alcohol: input.alcohol,
          alcohol_detail: input.alcoholDetail,
          occupation: input.occupation,
          pregnancy_status: input.pregnancyStatus,
          lmp_date: input.lmpDate,
        };
        const at = isoNow(this.ctx);
        if (!record) {
          if (this.newestSocial(patientId)) throw new AppError('CONFLICT', socialHistoryKind.conflictMessage());
          const row = this.writer.create(
            socialHistoryKind,
            { patient_id: patientId, ...columns },
            { actor, at, audit: { action: 'history.save', details: 'social history: recorded' } },
          );
          return toSocial(row as unknown as SocialRow);
        }
        const before = this.writer.load(socialHistoryKind, record.id);
        if (!before || before.patient_id !== patientId) {
          throw new AppError('NOT_FOUND', socialHistoryKind.notFoundMessage());
        }
        if (before.version !== record.version) throw new AppError('CONFLICT', socialHistoryKind.conflictMessage());
        const changed = changedColumns(before, columns);
        const row = this.writer.update(socialHistoryKind, record.id, record.version, columns, {
          actor,
          at,
          audit: {
            action: 'history.save',
            details: `social history: ${changed.length ? `changed ${changed.join(', ')}` : 'saved without changes'}`,
          },
        });
        return toSocial(row as unknown as SocialRow);
      })
      .immediate();
  }

  private pregnancyRelevant(patient: ChartPatient): boolean {
    return isPregnancyRelevant(patient.sex, ageOn(patient.birthDate, clinicToday(this.ctx))?.years ?? null);
  }

  /** Pregnancy is asked only where relevant; an LMP is a past day, within a pregnancy's length while pregnant. */
  private checkPregnancy(patient: ChartPatient, input: SocialHistoryInput): void {
    if (input.pregnancyStatus === null && input.lmpDate === null) return;
    if (!this.pregnancyRelevant(patient)) {
      throw this.invalid('social.pregnancyStatus', t('errors.chart.meds.pregnancyNotRelevant'));
    }
    if (input.lmpDate === null) return;
    if (input.pregnancyStatus === null)
      throw this.invalid('social.pregnancyStatus', t('errors.chart.meds.lmpWithoutStatus'));
    const today = clinicToday(this.ctx);
    if (input.lmpDate > today) throw this.invalid('social.lmpDate', t('errors.chart.meds.lmpInFuture'));
    if (input.lmpDate < patient.birthDate) {
      throw this.invalid('social.lmpDate', t('errors.chart.meds.lmpBeforeBirth', { birthDate: patient.birthDate }));
    }
    if (input.pregnancyStatus === 'pregnant' && daysBetween(input.lmpDate, today) > MAX_PREGNANT_LMP_WEEKS * 7) {
      throw this.invalid('social.lmpDate', t('errors.chart.meds.lmpTooLongAgo', { weeks: MAX_PREGNANT_LMP_WEEKS }));
    }
  }

  private newestSocial(patientId: string): SocialRow | undefined {
    return preparedOnce(
      this.db,
      'SELECT * FROM social_history WHERE patient_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1',
    ).get(patientId) as SocialRow | undefined;
  }

  private entryColumns(input: HistoryEntryInput) {
    return {
      section: input.section,
      description: input.description,
      relation: input.relation,
      when_text: input.whenText,
      note: input.note,
    };
  }

  private loadEntry(id: string, version: number): StoredRow {
    const before = this.writer.load(historyEntryKind, id);
    if (!before) throw new AppError('NOT_FOUND', historyEntryKind.notFoundMessage());
    if (before.version !== version) throw new AppError('CONFLICT', historyEntryKind.conflictMessage());
    return before;
  }

  private invalid(field: string, message: string): AppError {
    return new AppError('VALIDATION', message, { [field]: message });
  }
}
