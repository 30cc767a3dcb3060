import type Database from 'better-sqlite3';

/** A child table whose rows give a patient a searchable key (phone keys, identifier values). */
interface KeyTable {
  table: 'patient_phone_keys' | 'patient_identifiers';
  column: 'key' | 'value_key';
}

/**
 * Live patients (those with a search card) with a key equal to, then starting with, the typed
 * text; each group most recently registered first. Patient ids map to sequence numbers through the
 * cards' narrow covering index, not the wide patients table. A short prefix can match thousands
 * of keys ("0770" is every UK mobile of that range), and sorting thousands of joined rows to keep
 * 25 costs milliseconds per keystroke; so the matches are counted first (index only, capped), and
 * when there are many, patients are walked newest first and probed instead, which stops after
 * `limit` hits. The cut-over is where the two
 * cost the same: a walk visits about limit x patients / matches rows.
 */
export class PatientKeyPrefixLookup {
  private readonly sorted: Database.Statement<[string, string, string, number], number>;
  private readonly exact: Database.Statement<[string, number], number>;
  private readonly walk: Database.Statement<[string, string, number], number>;
  private readonly countUpTo: Database.Statement<[string, string, number], number>;
  private readonly patientCount: Database.Statement<[], number | null>;

  constructor(db: Database.Database, { table, column }: KeyTable) {
    this.sorted = db
      .prepare<[string, string, string, number], number>(
        `SELECT c.seq FROM ${table} k JOIN patient_cards c ON c.patient_id = k.patient_id
         WHERE k.${column} >= ? AND k.${column} < ? ORDER BY (k.${column} = ?) DESC, c.seq DESC LIMIT ?`,
      )
      .pluck(true);
    this.exact = db
      .prepare<[string, number], number>(
        `SELECT c.seq FROM ${table} k JOIN patient_cards c ON c.patient_id = k.patient_id
         WHERE k.${column} = ? ORDER BY c.seq DESC LIMIT ?`,
      )
      .pluck(true);
    this.walk = db
      .prepare<[string, string, number], number>(
        `SELECT c.seq FROM patient_cards c
         WHERE EXISTS (SELECT 1 FROM ${table} k WHERE k.patient_id = c.patient_id AND k.${column} > ? AND k.${column} < ?)
         ORDER BY c.seq DESC LIMIT ?`,
      )
      .pluck(true);
    this.countUpTo = db
      .prepare<[string, string, number], number>(`SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${column} >= ? AND ${column} < ? LIMIT ?)`)
      .pluck(true);
    this.patientCount = db.prepare<[], number | null>('SELECT max(seq) FROM patient_cards').pluck(true);
  }

  /** Local sequence numbers, exact matches first; may hold a patient twice (callers de-duplicate). */
  find(key: string, limit: number): number[] {
    const end = `${key}\uffff`;
    const patients = this.patientCount.get() ?? 0;
    const cutOver = Math.max(limit * 4, Math.ceil(Math.sqrt((limit * patients) / 4)));
    if ((this.countUpTo.get(key, end, cutOver) ?? 0) < cutOver) return this.sorted.all(key, end, key, limit);
    const exact = this.exact.all(key, limit);
    return exact.length >= limit ? exact : exact.concat(this.walk.all(key, end, limit));
  }
}
