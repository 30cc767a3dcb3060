import { v7 as uuidv7 } from 'uuid';
import type Database from 'better-sqlite3';

export const newId = (): string => uuidv7();

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
