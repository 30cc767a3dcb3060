import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { ageOn, birthDateFromEstimatedAge, todayIn } from '../../../shared/dates';
import type {
  DuplicateCandidate,
  Patient,
  PatientHistoryEntry,
  PatientInput,
  PatientSummary,
} from '../../../shared/domain/patient';
import { phoneSearchKeys } from '../../../shared/phone';
import { RecordWriter } from '../records/record-writer';
import { patientKind } from './patient-kind';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import {
  nameKey,
  PatientRepository,
  SUMMARY_COLUMNS,
  toSummary,
  type PatientRow,
  type SummaryRow,
} from './patient-repository';
import type { FieldChange } from '../records/field-diff';
import { PatientSearch } from './patient-search';
import { clinicTimeZone, nextMrn } from '../settings/settings-service';
import { t } from '../i18n/translate';
import { removeDraft } from '../drafts/draft-store';
import { viewTransaction } from '../db/view-transaction';

function describeCandidates(candidates: DuplicateCandidate[]): string {
  return candidates.map((d) => `${d.givenNames} ${d.familyName}, MRN ${d.mrn}`).join('; ');
}

export class PatientService {
  readonly repo: PatientRepository;
  readonly finder: PatientSearch;

  // Prepared once: preparing costs about as much as running these small statements.
  private readonly duplicatesByName: Database.Statement<[string, string], SummaryRow>;
  private readonly duplicatesByPhoneKey: Database.Statement<[string], SummaryRow>;
  private readonly writer: RecordWriter;

  constructor(private readonly ctx: ServiceContext) {
    const db = ctx.db.sqlite;
    this.repo = new PatientRepository(db);
    this.finder = new PatientSearch(db);
    this.duplicatesByName = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM patients p WHERE p.name_key = ? AND p.birth_date = ? AND p.deleted_at IS NULL LIMIT 10`,
    );
    this.duplicatesByPhoneKey = db.prepare(
      `SELECT DISTINCT ${SUMMARY_COLUMNS} FROM patient_phone_keys x JOIN patients p ON p.id = x.patient_id
       WHERE x.key = ? AND p.deleted_at IS NULL LIMIT 10`,
    );
    this.writer = new RecordWriter(ctx);
  }

  search(text: string, limit: number): PatientSummary[] {
    return this.finder.search(text, limit);
  }

  private birthOf(input: PatientInput): { date: string; estimated: boolean } {
    if (input.birth.kind === 'date') return { date: input.birth.date, estimated: false };
    return {
      date: birthDateFromEstimatedAge(input.birth.years, todayIn(clinicTimeZone(this.ctx), this.ctx.now())),
      estimated: true,
    };
  }

  checkDuplicates(query: {
    givenNames: string;
    familyName: string;
    birthDate: string;
    phones: string[];
    excludeId?: string | undefined;
  }): DuplicateCandidate[] {
    const found = new Map<string, DuplicateCandidate>();
    const key = nameKey(query.givenNames, query.familyName);
    if (key && query.birthDate) {
      const rows = this.duplicatesByName.all(key, query.birthDate);
      for (const r of rows) found.set(r.id, { ...toSummary(r), reason: 'name-and-birth-date' });
    }
    // Two numbers are the same phone when any of their search keys of 7+ digits agree.
    const keys = [...new Set(query.phones.flatMap(phoneSearchKeys).filter((k) => k.length >= 7))];
    for (const key of keys) {
      const rows = this.duplicatesByPhoneKey.all(key);
      for (const r of rows) if (!found.has(r.id)) found.set(r.id, { ...toSummary(r), reason: 'phone' });
    }
    if (query.excludeId) found.delete(query.excludeId);
    return [...found.values()];
  }

  /** `draftKey`: the registration draft the form was typed in, removed in the same transaction. */
  register(input: PatientInput, confirmedNotDuplicate: boolean, actor: Actor, draftKey?: string): Patient {
    const db = this.ctx.db.sqlite;
    const birth = this.birthOf(input);
    return db
      .transaction(() => {
        const conflicts = this.repo.identifierConflicts(input);
        if (Object.keys(conflicts).length) {
          throw new AppError('VALIDATION', t('errors.patients.identifierAlreadyRecordedAnotherPatient'), conflicts);
        }
        if (!confirmedNotDuplicate) {
          const dupes = this.checkDuplicates({
            givenNames: input.givenNames,
            familyName: input.familyName,
            birthDate: birth.date,
            phones: input.phones.map((p) => p.number),
          });
          if (dupes.length) {
            throw new AppError(
              'POSSIBLE_DUPLICATE',
              t('errors.patients.mayPatientAlreadyRegisteredOpen', { candidates: describeCandidates(dupes) }),
            );
          }
        }
        const mrn = nextMrn(this.ctx);
        const row = this.writer.create(
          patientKind,
          {
            mrn,
            given_names: input.givenNames,
            family_name: input.familyName,
            sex: input.sex,
            gender_identity: input.genderIdentity,
            birth_date: birth.date,
            birth_date_estimated: birth.estimated ? 1 : 0,
            ...this.columnsOf(input),
          },
          {
            actor,
            at: isoNow(this.ctx),
            audit: { action: 'patient.create', details: `MRN ${mrn}` },
            children: (id) => this.repo.writeChildren(id, input),
          },
        );
        if (draftKey !== undefined) removeDraft(db, actor.userId, 'registration', draftKey);
        const patient = this.repo.toPatient(row as unknown as PatientRow);
        return patient;
      })
      .immediate();
  }

  update(id: string, version: number, input: PatientInput, actor: Actor, confirmedNotDuplicate = false): Patient {
    const db = this.ctx.db.sqlite;
    const birth = this.birthOf(input);
    return db
      .transaction(() => {
        const before = this.repo.load(id);
        if (!before) throw new AppError('NOT_FOUND', t('errors.patients.patientRecordNotFound'));
        // Checked again in SQL by the writer; asked here first so a stale form hears CONFLICT before anything else.
        if (before.version !== version) throw new AppError('CONFLICT', patientKind.conflictMessage());
        const conflicts = this.repo.identifierConflicts(input, id);
        if (Object.keys(conflicts).length) {
          throw new AppError('VALIDATION', t('errors.patients.identifierAlreadyRecordedAnotherPatient'), conflicts);
        }
        // An estimated age re-entered unchanged keeps the original estimated date; a new age moves it.
        const keepBirth =
          input.birth.kind === 'estimatedAge' &&
          before.birthDateEstimated &&
          ageOn(before.birthDate, todayIn(clinicTimeZone(this.ctx), this.ctx.now()))?.years === input.birth.years;
        const birthDate = keepBirth ? before.birthDate : birth.date;
        if (!confirmedNotDuplicate) {
          // Only a likeness this edit creates is asked about: one already there was accepted before.
          const likeBefore = new Set(
            this.checkDuplicates({ ...before, phones: before.phones.map((p) => p.number), excludeId: id }).map(
              (d) => d.id,
            ),
          );
          const dupes = this.checkDuplicates({
            givenNames: input.givenNames,
            familyName: input.familyName,
            birthDate,
            phones: input.phones.map((p) => p.number),
            excludeId: id,
          }).filter((d) => !likeBefore.has(d.id));
          if (dupes.length) {
            throw new AppError(
              'POSSIBLE_DUPLICATE',
              t('errors.patients.theseChangesRecordLooksLike', { candidates: describeCandidates(dupes) }),
            );
          }
        }
        const row = this.writer.update(
          patientKind,
          id,
          version,
          {
            given_names: input.givenNames,
            family_name: input.familyName,
            sex: input.sex,
            gender_identity: input.genderIdentity,
            birth_date: birthDate,
            birth_date_estimated: birth.estimated ? 1 : 0,
            ...this.columnsOf(input),
          },
          {
            actor,
            at: isoNow(this.ctx),
            audit: {
              action: 'patient.update',
              details: (changes) =>
                changes.length ? `changed: ${changes.map((c) => c.field).join(', ')}` : 'saved without changes',
            },
            children: () => this.repo.writeChildren(id, input),
          },
        );
        // The person's draft of these edits is now saved: it goes with the save, never left to be restored.
        removeDraft(db, actor.userId, 'patientEdit', id);
        const after = this.repo.toPatient(row as unknown as PatientRow);
        return after;
      })
      .immediate();
  }

  /** Opening a record is a view of patient data: it is audited in the same transaction as the read (viewTransaction). */
  get(id: string, actor: Actor): Patient {
    const db = this.ctx.db.sqlite;
    return (
      viewTransaction(db, () => {
        const patient = this.repo.load(id);
        appendAudit(db, {
          at: isoNow(this.ctx),
          userId: actor.userId,
          username: actor.username,
          action: 'patient.view',
          patientId: patient ? id : null,
          outcome: patient ? 'success' : 'failure',
          details: patient ? '' : `not found: ${id}`,
        });
        return patient;
      }) ?? this.notFound()
    );
  }

  private notFound(): never {
    throw new AppError('NOT_FOUND', t('errors.patients.patientRecordNotFound'));
  }

  history(id: string, actor: Actor): PatientHistoryEntry[] {
    const db = this.ctx.db.sqlite;
    if (!this.repo.findRow(id)) this.notFound();
    const rows = db
      .prepare(
        `SELECT h.version, h.changed_at, h.changed_by, COALESCE(u.display_name, h.changed_by) AS changed_by_name, h.changes
         FROM patient_history h LEFT JOIN users u ON u.id = h.changed_by WHERE h.patient_id = ? ORDER BY h.version DESC`,
      )
      .all(id) as {
      version: number;
      changed_at: string;
      changed_by: string;
      changed_by_name: string;
      changes: string;
    }[];
    appendAudit(db, {
      at: isoNow(this.ctx),
      userId: actor.userId,
      username: actor.username,
      action: 'patient.history_view',
      patientId: id,
    });
    return rows.map((r) => ({
      version: r.version,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
      changedByName: r.changed_by_name,
      changes: JSON.parse(r.changes) as FieldChange[],
    }));
  }

  /** The columns both registration and editing write, apart from names, sex and birth. */
  private columnsOf(input: PatientInput) {
    return {
      address_line: input.address.line,
      city: input.address.city,
      region: input.address.region,
      postal_code: input.address.postalCode,
      country: input.address.country,
      emergency_name: input.emergencyContact.name,
      emergency_relationship: input.emergencyContact.relationship,
      emergency_phone: input.emergencyContact.phone,
      notes: input.notes,
      name_key: nameKey(input.givenNames, input.familyName),
      latin_name: input.latinName,
    };
  }
}
