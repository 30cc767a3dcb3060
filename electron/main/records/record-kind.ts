import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';

/** The columns every clinic record carries (docs/ARCHITECTURE.md, "Records"); only the record writer sets them. */
export const RECORD_COLUMNS = ['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', 'deleted_at'];

/** What a record's history needs to label it: the database (for child rows and names) and the clinic's zone. */
export interface HistoryContext {
  db: Database.Database;
  timeZone: () => string;
}

/** A stored row as SQLite returns it: column name to value. */
export type StoredRow = Record<string, unknown> & { id: string; version: number };

/**
 * One kind of clinic record, declared once: the feature that owns it says where it is stored, how
 * it maps to FHIR R4, which columns stay on this device, and how its history reads. The record
 * writer (record-writer.ts) does everything else the same way for every kind.
 */
export interface RecordKindSpec {
  /** The name in change_log.entity and in sync: singular, snake_case. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any drizzle table of any shape
  table: SQLiteTableWithColumns<any>;
  /** The FHIR R4 resource this record is exchanged as. */
  fhirResource: string;
  /** Columns that belong to this device only (never synced) and the SQL that fills them on insert. */
  deviceColumns?: Record<string, string>;
  /**
   * Rows in other tables that are part of the record and versioned with it (a patient's phones),
   * with the SQL for their device-only columns (`@recordId` is the record's id).
   */
  children?: readonly { table: string; recordColumn: string; deviceColumns?: Record<string, string> }[];
  /** Field history: its table and the column holding the record id. Omitted: the kind keeps no field history. */
  history?: { table: string; recordColumn: string; withAction?: boolean };
  /** The record as labelled values a person reads; history is the difference between two of these. */
  historyView?: (row: StoredRow, ctx: HistoryContext) => Record<string, string>;
  /** The patient a record is about, so its audit entries name them; omitted for records about no patient. */
  patientOf?: (row: StoredRow) => string | null;
  /** What a person is told when the record was changed by someone else since they opened it. */
  conflictMessage: () => string;
  /** What a person is told when the record is not there (or was deleted). */
  notFoundMessage: () => string;
}

export interface RecordKind extends RecordKindSpec {
  /** The SQL table name, from the drizzle schema. */
  tableName: string;
  /** Every column the kind's table has, from the drizzle schema. */
  columns: readonly string[];
  /** Columns that sync: every column but the device-only ones. */
  syncedColumns: readonly string[];
}

export function defineRecordKind(spec: RecordKindSpec): RecordKind {
  const config = getTableConfig(spec.table);
  const columns = config.columns.map((c) => c.name);
  for (const column of RECORD_COLUMNS) {
    if (!columns.includes(column)) throw new Error(`Record kind ${spec.name}: table ${config.name} lacks ${column}`);
  }
  const deviceOnly = new Set(Object.keys(spec.deviceColumns ?? {}));
  return {
    ...spec,
    tableName: config.name,
    columns,
    syncedColumns: columns.filter((c) => !deviceOnly.has(c)),
  };
}
