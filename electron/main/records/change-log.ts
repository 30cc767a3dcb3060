import type Database from 'better-sqlite3';
import { deviceId } from '../db/device-state';
import { newId, preparedOnce } from '../db/records';

export type ChangeOperation = 'create' | 'update' | 'delete';

/**
 * Appends to the change log, which sync reads: written only by the record writer, inside the
 * transaction that made the change.
 */
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
    `INSERT INTO change_log (uuid, device_id, entity, entity_id, operation, version, changed_at, user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), deviceId(db), entry.entity, entry.entityId, entry.operation, entry.version, entry.at, entry.userId);
}
