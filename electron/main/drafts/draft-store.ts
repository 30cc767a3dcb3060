import type Database from 'better-sqlite3';
import type { DraftKind } from '../../../shared/domain/draft';
import { viewTransaction } from '../db/view-transaction';

/**
 * The `drafts` table (migration 0008): one row per person, kind and key, the form as typed in JSON.
 * Device-local and outside the record registry: a draft is not a record of the clinic, never syncs,
 * has no version or history, and is replaced whole on every save. Services that save what a draft was
 * for (registering, editing, booking) call `remove` in their own transaction.
 */
export interface DraftRow {
  kind: DraftKind;
  draft_key: string;
  body: string;
  updated_at: string;
}

export function removeDraft(db: Database.Database, userId: string, kind: DraftKind, key: string): void {
  db.prepare('DELETE FROM drafts WHERE user_id = ? AND kind = ? AND draft_key = ?').run(userId, kind, key);
}

export class DraftStore {
  private readonly upsert: Database.Statement<[string, string, string, string, string]>;
  private readonly one: Database.Statement<[string, string, string], DraftRow>;
  private readonly all: Database.Statement<[string], Omit<DraftRow, 'body'>>;
  private readonly allOfKind: Database.Statement<[string, string], Omit<DraftRow, 'body'>>;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT INTO drafts (user_id, kind, draft_key, body, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, kind, draft_key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    );
    this.one = db.prepare(
      'SELECT kind, draft_key, body, updated_at FROM drafts WHERE user_id = ? AND kind = ? AND draft_key = ?',
    );
    this.all = db.prepare(
      'SELECT kind, draft_key, updated_at FROM drafts WHERE user_id = ? ORDER BY updated_at DESC, kind, draft_key',
    );
    this.allOfKind = db.prepare(
      'SELECT kind, draft_key, updated_at FROM drafts WHERE user_id = ? AND kind = ? ORDER BY updated_at DESC, draft_key',
    );
  }

  /**
   * Saved with synchronous=NORMAL (`viewTransaction`): in WAL mode the draft is in the operating
   * system's hands when this returns, so a crash, a kill or a closed window loses nothing; it skips
   * the fsync a half-second autosave would otherwise wait for. What the draft becomes (a signed
   * note, a patient) is written with synchronous=FULL.
   */
  save(userId: string, kind: DraftKind, key: string, bodyJson: string, at: string): void {
    viewTransaction(this.db, () => this.upsert.run(userId, kind, key, bodyJson, at));
  }

  get(userId: string, kind: DraftKind, key: string): DraftRow | undefined {
    return this.one.get(userId, kind, key);
  }

  list(userId: string, kind?: DraftKind): Omit<DraftRow, 'body'>[] {
    return kind ? this.allOfKind.all(userId, kind) : this.all.all(userId);
  }

  remove(userId: string, kind: DraftKind, key: string): void {
    removeDraft(this.db, userId, kind, key);
  }
}
