import type Database from 'better-sqlite3';
import type { AuditAction } from '../../../shared/domain/audit';
import { AppError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit-service';
import type { Actor, ServiceContext } from '../context';
import { deviceId } from '../db/device-state';
import { newId, preparedOnce } from '../db/records';
import { clinicTimeZone } from '../settings/settings-service';
import { appendChange, type ChangeOperation } from './change-log';
import { diffFields, type FieldChange } from './field-diff';
import type { HistoryContext, RecordKind, StoredRow } from './record-kind';

export interface WriteOptions {
  actor: Actor;
  /** The instant of the change (UTC ISO-8601); one per transaction so every row of it agrees. */
  at: string;
  /**
   * The audit entry written with the change; `details` may be worded from the field changes. Null
   * only where the action that encloses this write records it (first-run setup creates the clinic's
   * settings and its first user, audited once as the setup).
   */
  audit: null | {
    action: AuditAction;
    /** Defaults to the kind's patientOf(record). */
    patientId?: string | null;
    details?: string | ((changes: FieldChange[]) => string);
  };
  /** What happened, for kinds whose history names it (booked, rescheduled, arrived, ...). */
  historyAction?: string;
  /** Writes the parts of the record kept in child rows (a patient's phones), before its history is read. */
  children?: (id: string) => void;
}

/** The INSERT of a kind's row with these columns, worded once per kind and set of columns. */
const insertSqls = new WeakMap<RecordKind, Map<string, string>>();
function insertSql(kind: RecordKind, columns: string[]): string {
  let byColumns = insertSqls.get(kind);
  if (!byColumns) {
    byColumns = new Map();
    insertSqls.set(kind, byColumns);
  }
  const key = columns.join(',');
  let sql = byColumns.get(key);
  if (!sql) {
    const device = Object.entries(kind.deviceColumns ?? {});
    const names = [...columns, ...device.map(([c]) => c)].map((c) => `, ${c}`).join('');
    const slots = `${columns.map(() => ', ?').join('')}${device.map(([, expr]) => `, ${expr}`).join('')}`;
    sql = `INSERT INTO ${kind.tableName} (id, created_at, updated_at, created_by, updated_by, version${names})
       VALUES (?, ?, ?, ?, ?, 1${slots})`;
    byColumns.set(key, sql);
  }
  return sql;
}

/** Column values as SQLite takes them. */
export type ColumnValues = Record<string, string | number | null>;

/**
 * The one writer of clinic records. For any registered kind it fills the record columns, refuses a
 * stale version in SQL (`WHERE version = ?`), writes the field history, the change log and the
 * audit entry, all in the caller's transaction (services open one IMMEDIATE transaction per
 * action, so a rule check and the write it guards cannot be split by another writer).
 * Statements are prepared once per connection and SQL text.
 */
export class RecordWriter {
  private readonly db: Database.Database;
  private readonly history: HistoryContext;

  constructor(ctx: ServiceContext) {
    this.db = ctx.db.sqlite;
    this.history = { db: this.db, timeZone: () => clinicTimeZone(ctx) };
  }

  /** The live (not deleted) row of a record, or undefined. */
  load(kind: RecordKind, id: string): StoredRow | undefined {
    return preparedOnce(this.db, `SELECT * FROM ${kind.tableName} WHERE id = ? AND deleted_at IS NULL`).get(id) as
      StoredRow | undefined;
  }

  create(kind: RecordKind, values: ColumnValues, options: WriteOptions & { id?: string }): StoredRow {
    const id = this.insertRow(kind, values, options);
    options.children?.(id);
    const after = this.load(kind, id)!;
    this.finish(kind, 'create', null, after, options);
    return after;
  }

  /**
   * A create whose caller needs only the new id (an import writes thousands of results): the same
   * row, change log and audit as `create`, without reading the row back. Kinds with a history (it
   * is worded from the stored row) and records with child rows still go through `create`.
   */
  insert(kind: RecordKind, values: ColumnValues, options: WriteOptions & { id?: string }): string {
    if (kind.history || options.children) return this.create(kind, values, options).id;
    const id = this.insertRow(kind, values, options);
    this.finish(kind, 'create', null, { ...values, id, version: 1 } as StoredRow, options);
    return id;
  }

  private insertRow(kind: RecordKind, values: ColumnValues, options: WriteOptions & { id?: string }): string {
    const id = options.id ?? newId();
    const { at, actor } = options;
    const columns = Object.keys(values).filter((c) => kind.columns.includes(c) && !(c in (kind.deviceColumns ?? {})));
    preparedOnce(this.db, insertSql(kind, columns)).run(
      id,
      at,
      at,
      actor.userId,
      actor.userId,
      ...columns.map((c) => values[c] ?? null),
    );
    return id;
  }

  /**
   * Changes a record from the version the person saw. Another save in between, or a deleted
   * record, refuses the change with CONFLICT or NOT_FOUND and writes nothing.
   */
  update(kind: RecordKind, id: string, expectedVersion: number, patch: ColumnValues, options: WriteOptions): StoredRow {
    const before = this.load(kind, id);
    if (!before) throw new AppError('NOT_FOUND', kind.notFoundMessage());
    const beforeView = this.view(kind, before);
    const columns = Object.keys(patch).filter((c) => kind.columns.includes(c) && !(c in (kind.deviceColumns ?? {})));
    const result = preparedOnce(
      this.db,
      `UPDATE ${kind.tableName} SET ${columns.map((c) => `${c} = ?, `).join('')}updated_at = ?, updated_by = ?, version = version + 1
       WHERE id = ? AND version = ? AND deleted_at IS NULL`,
    ).run(...columns.map((c) => patch[c] ?? null), options.at, options.actor.userId, id, expectedVersion);
    if (result.changes !== 1) throw new AppError('CONFLICT', kind.conflictMessage());
    options.children?.(id);
    const after = this.load(kind, id)!;
    this.finish(kind, 'update', beforeView, after, options);
    return after;
  }

  /** Marks a record deleted (clinic records are never removed); null version: whatever version it is at. */
  softDelete(kind: RecordKind, id: string, expectedVersion: number | null, options: WriteOptions): StoredRow {
    const before = this.load(kind, id);
    if (!before) throw new AppError('NOT_FOUND', kind.notFoundMessage());
    const result = preparedOnce(
      this.db,
      `UPDATE ${kind.tableName} SET deleted_at = ?, updated_at = ?, updated_by = ?, version = version + 1
       WHERE id = ? AND version = ? AND deleted_at IS NULL`,
    ).run(options.at, options.at, options.actor.userId, id, expectedVersion ?? before.version);
    if (result.changes !== 1) throw new AppError('CONFLICT', kind.conflictMessage());
    const after = { ...before, version: before.version + 1, deleted_at: options.at } as StoredRow;
    this.finish(kind, 'delete', null, after, options);
    return before;
  }

  private view(kind: RecordKind, row: StoredRow): Record<string, string> | null {
    return kind.history && kind.historyView ? kind.historyView(row, this.history) : null;
  }

  private finish(
    kind: RecordKind,
    operation: ChangeOperation,
    beforeView: Record<string, string> | null,
    after: StoredRow,
    options: WriteOptions,
  ): void {
    const { at, actor, audit } = options;
    let changes: FieldChange[] = [];
    if (kind.history && operation !== 'delete') {
      changes = diffFields(beforeView, this.view(kind, after)!);
      const { table, recordColumn, withAction } = kind.history;
      preparedOnce(
        this.db,
        `INSERT INTO ${table} (id, device_id, ${recordColumn}, version, changed_at, changed_by, changes${withAction ? ', action' : ''})
         VALUES (?, ?, ?, ?, ?, ?, ?${withAction ? ', ?' : ''})`,
      ).run(
        newId(),
        deviceId(this.db),
        after.id,
        after.version,
        at,
        actor.userId,
        JSON.stringify(changes),
        ...(withAction ? [options.historyAction ?? operation] : []),
      );
    }
    appendChange(this.db, {
      entity: kind.name,
      entityId: after.id,
      operation,
      version: after.version,
      at,
      userId: actor.userId,
    });
    if (!audit) return;
    appendAudit(this.db, {
      at,
      userId: actor.userId,
      username: actor.username,
      action: audit.action,
      patientId: audit.patientId ?? kind.patientOf?.(after) ?? null,
      details: typeof audit.details === 'function' ? audit.details(changes) : (audit.details ?? ''),
    });
  }
}
