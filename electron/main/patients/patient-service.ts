import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { birthDateFromEstimatedAge, todayIn } from '../../../shared/dates';
import type {
  DuplicateCandidate,
  Patient,
  PatientHistoryEntry,
  PatientInput,
  PatientSummary,
} from '../../../shared/domain/patient';
import { phoneSearchKeys } from '../../../shared/phone';
import { appendChange, newId } from '../db/records';
import { appendAudit } from '../audit/audit-service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { nameKey, PatientRepository, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './patient-repository';
import { PatientSearch } from './patient-search';
import { clinicTimeZone, nextMrn } from '../settings/settings-service';

function describeCandidates(candidates: DuplicateCandidate[]): string {
  return candidates.map((d) => `${d.givenNames} ${d.familyName}, MRN ${d.mrn}`).join('; ');
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/** The patient as a flat list of labelled values, for history diffs. */
function flatten(p: Patient | null): Record<string, string> {
  if (!p) return {};
  return {
    'Given names': p.givenNames,
    'Family name': p.familyName,
    Sex: p.sex,
    'Gender identity': p.genderIdentity,
    'Date of birth': p.birthDate + (p.birthDateEstimated ? ' (estimated)' : ''),
    Phones: p.phones.map((ph) => `${ph.kind}: ${ph.number}`).join('; '),
    Address: [p.address.line, p.address.city, p.address.region, p.address.postalCode, p.address.country]
      .filter(Boolean)
      .join(', '),
    Identifiers: p.identifiers.map((i) => `${i.system}: ${i.value}`).join('; '),
    'Emergency contact': [p.emergencyContact.name, p.emergencyContact.relationship, p.emergencyContact.phone]
      .filter(Boolean)
      .join(', '),
    Notes: p.notes,
  };
}

/** Field-by-field changes for the patient history; exported so the bench seeds the rows register() writes. */
export function diff(before: Patient | null, after: Patient): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  return Object.keys(b).flatMap((field) => {
    const from = a[field] ?? '';
    const to = b[field] ?? '';
    return from === to ? [] : [{ field, from, to }];
  });
}

export class PatientService {
  readonly repo: PatientRepository;
  readonly finder: PatientSearch;

  // Prepared once: preparing costs about as much as running these small statements.
  private readonly duplicatesByName: Database.Statement<[string, string], SummaryRow>;
  private readonly duplicatesByPhoneKey: Database.Statement<[string], SummaryRow>;
  private readonly insertPatient: Database.Statement;
  private readonly insertHistory: Database.Statement;

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
    this.insertPatient = db.prepare(
      `INSERT INTO patients (id, created_at, updated_at, created_by, updated_by, version, local_seq, mrn,
         given_names, family_name, sex, gender_identity, birth_date, birth_date_estimated,
         address_line, city, region, postal_code, country, emergency_name, emergency_relationship, emergency_phone, notes, name_key)
       VALUES (?, ?, ?, ?, ?, 1, (SELECT COALESCE(MAX(local_seq), 0) + 1 FROM patients), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertHistory = db.prepare(
      'INSERT INTO patient_history (patient_id, version, changed_at, changed_by, changes) VALUES (?, ?, ?, ?, ?)',
    );
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

  register(input: PatientInput, confirmedNotDuplicate: boolean, actor: Actor): Patient {
    const db = this.ctx.db.sqlite;
    const birth = this.birthOf(input);
    return db
      .transaction(() => {
        const conflicts = this.repo.identifierConflicts(input);
        if (Object.keys(conflicts).length) {
          throw new AppError('VALIDATION', 'An identifier is already recorded for another patient.', conflicts);
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
              `This may be a patient already registered (${describeCandidates(dupes)}). Open the existing record, or confirm that this is a different person.`,
            );
          }
        }
        const id = newId();
        const at = isoNow(this.ctx);
        const mrn = nextMrn(this.ctx);
        this.insertPatient.run(
          id,
          at,
          at,
          actor.userId,
          actor.userId,
          mrn,
          input.givenNames,
          input.familyName,
          input.sex,
          input.genderIdentity,
          birth.date,
          birth.estimated ? 1 : 0,
          input.address.line,
          input.address.city,
          input.address.region,
          input.address.postalCode,
          input.address.country,
          input.emergencyContact.name,
          input.emergencyContact.relationship,
          input.emergencyContact.phone,
          input.notes,
          nameKey(input.givenNames, input.familyName),
        );
        this.repo.writeChildren(id, input);
        // The new aggregate is exactly what was just written; reading it back would only cost time.
        const patient: Patient = {
          id,
          mrn,
          givenNames: input.givenNames,
          familyName: input.familyName,
          sex: input.sex,
          genderIdentity: input.genderIdentity,
          birthDate: birth.date,
          birthDateEstimated: birth.estimated,
          phones: input.phones.map((p) => ({ kind: p.kind, number: p.number })),
          address: { ...input.address },
          identifiers: input.identifiers.map((i) => ({ system: i.system, value: i.value })),
          emergencyContact: { ...input.emergencyContact },
          notes: input.notes,
          version: 1,
          createdAt: at,
          updatedAt: at,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        };
        this.writeHistory(patient, diff(null, patient), actor, at);
        appendChange(db, {
          entity: 'patient',
          entityId: id,
          operation: 'create',
          version: 1,
          at,
          userId: actor.userId,
        });
        appendAudit(db, {
          at,
          userId: actor.userId,
          username: actor.username,
          action: 'patient.create',
          patientId: id,
          details: `MRN ${mrn}`,
        });
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
        if (!before) throw new AppError('NOT_FOUND', 'That patient record was not found.');
        if (before.version !== version) {
          throw new AppError(
            'CONFLICT',
            'Someone else saved changes to this patient after you opened it. Your edits are still in the form: reload the record, then apply them again.',
          );
        }
        const conflicts = this.repo.identifierConflicts(input, id);
        if (Object.keys(conflicts).length) {
          throw new AppError('VALIDATION', 'An identifier is already recorded for another patient.', conflicts);
        }
        // An estimated age re-entered unchanged keeps the original estimated date.
        const keepBirth = birth.estimated && before.birthDateEstimated && input.birth.kind === 'estimatedAge';
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
              `With these changes this record looks like another patient (${describeCandidates(dupes)}). Check that they are different people, or go back and correct the changes.`,
            );
          }
        }
        const at = isoNow(this.ctx);
        db.prepare(
          `UPDATE patients SET updated_at = ?, updated_by = ?, version = version + 1,
             given_names = ?, family_name = ?, sex = ?, gender_identity = ?, birth_date = ?, birth_date_estimated = ?,
             address_line = ?, city = ?, region = ?, postal_code = ?, country = ?,
             emergency_name = ?, emergency_relationship = ?, emergency_phone = ?, notes = ?, name_key = ?
           WHERE id = ?`,
        ).run(
          at,
          actor.userId,
          input.givenNames,
          input.familyName,
          input.sex,
          input.genderIdentity,
          birthDate,
          birth.estimated ? 1 : 0,
          input.address.line,
          input.address.city,
          input.address.region,
          input.address.postalCode,
          input.address.country,
          input.emergencyContact.name,
          input.emergencyContact.relationship,
          input.emergencyContact.phone,
          input.notes,
          nameKey(input.givenNames, input.familyName),
          id,
        );
        this.repo.writeChildren(id, input);
        const after = this.repo.load(id)!;
        const changes = diff(before, after);
        this.writeHistory(after, changes, actor, at);
        appendChange(db, {
          entity: 'patient',
          entityId: id,
          operation: 'update',
          version: after.version,
          at,
          userId: actor.userId,
        });
        appendAudit(db, {
          at,
          userId: actor.userId,
          username: actor.username,
          action: 'patient.update',
          patientId: id,
          details: changes.length ? `changed: ${changes.map((c) => c.field).join(', ')}` : 'saved without changes',
        });
        return after;
      })
      .immediate();
  }

  /** Opening a record is a view of patient data: it is audited in the same transaction as the read. */
  get(id: string, actor: Actor): Patient {
    const db = this.ctx.db.sqlite;
    return (
      db
        .transaction(() => {
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
        })
        .immediate() ?? this.notFound()
    );
  }

  private notFound(): never {
    throw new AppError('NOT_FOUND', 'That patient record was not found.');
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

  private writeHistory(patient: Patient, changes: FieldChange[], actor: Actor, at: string): void {
    this.insertHistory.run(patient.id, patient.version, at, actor.userId, JSON.stringify(changes));
  }
}
