import type Database from 'better-sqlite3';
import { newId, preparedOnce } from './records';

/**
 * This laptop's own values (device_state): never synced, never in the change log. The device id
 * marks every change-log, audit and history row this laptop writes, so rows from two laptops
 * merged into one database stay apart.
 */
export function readDeviceState(db: Database.Database, key: string): string | null {
  const row = preparedOnce(db, 'SELECT value FROM device_state WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function writeDeviceState(db: Database.Database, key: string, value: string, at: string): void {
  preparedOnce(
    db,
    `INSERT INTO device_state (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, at);
}

const deviceIds = new WeakMap<Database.Database, string>();

/** This laptop's device id (made by migration 0006; made here if a test database lacks it). */
export function deviceId(db: Database.Database): string {
  let id = deviceIds.get(db);
  if (!id) {
    id = readDeviceState(db, 'device.id') ?? newId();
    writeDeviceState(db, 'device.id', id, new Date().toISOString());
    deviceIds.set(db, id);
  }
  return id;
}

/**
 * Makes this database file a new laptop of the clinic: a new device id, and a fresh MRN prefix and
 * sequence chosen on next use. For a copy of another laptop's database (a second laptop set up
 * from the first's backup): two laptops with one device id would write log rows and tokens that
 * collide when they meet.
 */
export function becomeNewDevice(db: Database.Database, at: string): string {
  const id = newId();
  db.transaction(() => {
    writeDeviceState(db, 'device.id', id, at);
    db.prepare("DELETE FROM device_state WHERE key IN ('device.code', 'mrn.next')").run();
  })();
  deviceIds.set(db, id);
  return id;
}
