import type Database from 'better-sqlite3';
import type { Patient, PatientInput, PatientSummary } from '../../../shared/domain/patient';
import { phoneDigits, phoneSearchKeys, phoneSuffixKey } from '../../../shared/phone';
import { foldForSearch } from '../../../shared/text';
import type { patients } from '../db/schema';

/** A patients row as stored (the row type comes from the drizzle schema; SQLite gives 0/1 for booleans). */
export type PatientRow = Omit<typeof patients.$inferSelect, 'birth_date_estimated' | 'sex'> & {
  birth_date_estimated: number;
  sex: Patient['sex'];
};

/** The key two registrations of one person share: folded, single-spaced "given family". */
export function nameKey(givenNames: string, familyName: string): string {
  return foldForSearch(`${givenNames} ${familyName}`).replace(/\s+/g, ' ').trim();
}

export function identifierKey(text: string): string {
  return foldForSearch(text).replace(/[\s-]+/g, '');
}

/** Prepared statements for the patient aggregate (patient + phones + identifiers), made once per connection. */
export class PatientRepository {
  private readonly byId: Database.Statement;
  private readonly phonesOf: Database.Statement;
  private readonly identifiersOf: Database.Statement;
  private readonly insertPhone: Database.Statement;
  private readonly insertIdentifier: Database.Statement;
  private readonly deletePhones: Database.Statement;
  private readonly insertPhoneKey: Database.Statement;
  private readonly deletePhoneKeys: Database.Statement;
  private readonly deleteIdentifiers: Database.Statement;
  private readonly identifierOwner: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.byId = db.prepare('SELECT * FROM patients WHERE id = ? AND deleted_at IS NULL');
    this.phonesOf = db.prepare('SELECT kind, number FROM patient_phones WHERE patient_id = ? ORDER BY position');
    this.identifiersOf = db.prepare(
      'SELECT system, value FROM patient_identifiers WHERE patient_id = ? ORDER BY position',
    );
    this.insertPhone = db.prepare(
      'INSERT INTO patient_phones (patient_id, position, kind, number, digits) VALUES (?, ?, ?, ?, ?)',
    );
    // seq is the patient's local_seq (search sorts by it from the key index); a missing patient gives NULL and fails.
    const seqOf = '(SELECT local_seq FROM patients WHERE id = @patientId)';
    this.insertIdentifier = db.prepare(
      `INSERT INTO patient_identifiers (patient_id, position, system, value, system_key, value_key, seq)
       VALUES (@patientId, @position, @system, @value, @systemKey, @valueKey, ${seqOf})`,
    );
    this.deletePhones = db.prepare('DELETE FROM patient_phones WHERE patient_id = ?');
    this.insertPhoneKey = db.prepare(
      `INSERT INTO patient_phone_keys (patient_id, key, seq) VALUES (@patientId, @key, ${seqOf})`,
    );
    this.deletePhoneKeys = db.prepare('DELETE FROM patient_phone_keys WHERE patient_id = ?');
    this.deleteIdentifiers = db.prepare('DELETE FROM patient_identifiers WHERE patient_id = ?');
    this.identifierOwner = db.prepare(
      `SELECT p.id, p.mrn, p.given_names, p.family_name FROM patient_identifiers i JOIN patients p ON p.id = i.patient_id
       WHERE i.system_key = ? AND i.value_key = ?`,
    );
  }

  findRow(id: string): PatientRow | undefined {
    return this.byId.get(id) as PatientRow | undefined;
  }

  load(id: string): Patient | undefined {
    const row = this.findRow(id);
    return row ? this.toPatient(row) : undefined;
  }

  toPatient(row: PatientRow): Patient {
    return {
      id: row.id,
      mrn: row.mrn,
      givenNames: row.given_names,
      familyName: row.family_name,
      sex: row.sex,
      latinName: row.latin_name,
      genderIdentity: row.gender_identity,
      birthDate: row.birth_date,
      birthDateEstimated: row.birth_date_estimated === 1,
      phones: this.phonesOf.all(row.id) as Patient['phones'],
      address: {
        line: row.address_line,
        city: row.city,
        region: row.region,
        postalCode: row.postal_code,
        country: row.country,
      },
      identifiers: this.identifiersOf.all(row.id) as Patient['identifiers'],
      emergencyContact: {
        name: row.emergency_name,
        relationship: row.emergency_relationship,
        phone: row.emergency_phone,
      },
      notes: row.notes,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: row.created_by,
      updatedBy: row.updated_by,
    };
  }

  /** Replaces the phones and identifiers of a patient (they are versioned with the patient). */
  writeChildren(patientId: string, input: PatientInput): void {
    this.deletePhones.run(patientId);
    this.deletePhoneKeys.run(patientId);
    this.deleteIdentifiers.run(patientId);
    input.phones.forEach((p, i) => this.insertPhone.run(patientId, i, p.kind, p.number, phoneDigits(p.number)));
    // Prefix keys (the number as dialled, with and without country code) and one suffix key (its last digits).
    const keys = new Set(input.phones.flatMap((p) => [...phoneSearchKeys(p.number), phoneSuffixKey(p.number)]));
    for (const key of keys) this.insertPhoneKey.run({ patientId, key });
    input.identifiers.forEach((id, position) =>
      this.insertIdentifier.run({
        patientId,
        position,
        system: id.system,
        value: id.value,
        systemKey: identifierKey(id.system),
        valueKey: identifierKey(id.value),
      }),
    );
  }

  /** Field errors for identifiers that already belong to another patient. */
  identifierConflicts(input: PatientInput, exceptPatientId?: string): Record<string, string> {
    const fields: Record<string, string> = {};
    input.identifiers.forEach((id, i) => {
      const owner = this.identifierOwner.get(identifierKey(id.system), identifierKey(id.value)) as
        { id: string; mrn: string; given_names: string; family_name: string } | undefined;
      if (owner && owner.id !== exceptPatientId) {
        fields[`patient.identifiers.${i}.value`] =
          `This ${id.system} is already recorded for ${owner.given_names} ${owner.family_name} (MRN ${owner.mrn})`;
      }
    });
    return fields;
  }
}

export const SUMMARY_COLUMNS = `p.id, p.mrn, p.given_names, p.family_name, p.sex, p.birth_date, p.birth_date_estimated,
  COALESCE((SELECT number FROM patient_phones ph WHERE ph.patient_id = p.id ORDER BY position LIMIT 1), '') AS phone`;

export interface SummaryRow {
  id: string;
  mrn: string;
  given_names: string;
  family_name: string;
  sex: PatientSummary['sex'];
  birth_date: string;
  birth_date_estimated: number;
  phone: string;
}

export function toSummary(r: SummaryRow): PatientSummary {
  return {
    id: r.id,
    mrn: r.mrn,
    givenNames: r.given_names,
    familyName: r.family_name,
    sex: r.sex,
    birthDate: r.birth_date,
    birthDateEstimated: r.birth_date_estimated === 1,
    phone: r.phone,
  };
}
