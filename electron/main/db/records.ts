import { v7 as uuidv7 } from 'uuid';
import type Database from 'better-sqlite3';

export const newId = (): string => uuidv7();

export type ChangeOperation = 'create' | 'update' | 'delete';

/** Appends to the change log; call inside the transaction that made the change. */
export function appendChange(
  db: Database.Database,
  entry: { entity: string; entityId: string; operation: ChangeOperation; version: number; at: string; userId: string | null },
): void {
  db.prepare(
    'INSERT INTO change_log (entity, entity_id, operation, version, changed_at, user_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(entry.entity, entry.entityId, entry.operation, entry.version, entry.at, entry.userId);
}
