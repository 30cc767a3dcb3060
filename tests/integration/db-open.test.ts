import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/main/db/connection';
import { DatabaseFromFutureError, readMigrations } from '../../electron/main/db/migrations';
import { generateMasterKey } from '../../electron/main/security/clinic-keys';
import { MIGRATIONS_DIR, tempDir } from './support';

const key = generateMasterKey();

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((d) => d.close()));

describe('opening the clinic database', () => {
  it('sets WAL, synchronous=FULL, foreign keys, a busy timeout and secure_delete on every open', () => {
    const file = path.join(tempDir(), 'c.sqlite');
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(file, { migrationsDir: MIGRATIONS_DIR, key });
      expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
      db.close();
    }
  });

  it('applies every migration and records the schema version', () => {
    const db = openDatabase(path.join(tempDir(), 'c.sqlite'), { migrationsDir: MIGRATIONS_DIR, key });
    opened.push(db);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(readMigrations(MIGRATIONS_DIR).length);
    const tables = (
      db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['patients', 'users', 'audit_log', 'change_log', 'patient_fts']));
  });

  it('refuses a database written by a newer version and leaves the file byte-for-byte untouched', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const seed = new Database(file);
    seed.exec('CREATE TABLE future_thing (x); INSERT INTO future_thing VALUES (1);');
    seed.pragma('user_version = 999');
    seed.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

    expect(() => openDatabase(file, { migrationsDir: MIGRATIONS_DIR, key })).toThrow(DatabaseFromFutureError);
    expect(() => openDatabase(file, { migrationsDir: MIGRATIONS_DIR, key })).toThrow(/newer version of Chartbook/);

    const after = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(after).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
