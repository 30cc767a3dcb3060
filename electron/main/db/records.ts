import { v7 as uuidv7 } from 'uuid';
import type Database from 'better-sqlite3';

export const newId = (): string => uuidv7();

export type ChangeOperation = 'create' | 'update' | 'delete';

/** One prepared statement per connection and SQL text: writes on hot paths skip re-preparing. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function preparedOnce(db: Database.Database, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) {
    byText = new Map();
    statements.set(db, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}

/** Appends to the change log; call inside the transaction that made the change. */
export function appendChange(
  db: Database.Database,
  entry: {
    entity: string;
    entityId: string;
    operation: ChangeOperation;
    version: number;
    at: string;
    userId: string | null;
  },
): void {
  preparedOnce(
    db,
    'INSERT INTO change_log (entity, entity_id, operation, version, changed_at, user_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(entry.entity, entry.entityId, entry.operation, entry.version, entry.at, entry.userId);
}
