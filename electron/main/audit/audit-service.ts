import type Database from 'better-sqlite3';
import type {
  AuditAction,
  AuditChainResult,
  AuditEntry,
  AuditFilter,
  AuditOutcome,
} from '../../../shared/domain/audit';
import { clinicDayBounds } from '../../../shared/zoned-time';
import { deviceId } from '../db/device-state';
import { newId, preparedOnce } from '../db/records';
import { isoNow, type ServiceContext } from '../context';
import { t } from '../i18n/translate';
import { sealAppendedEntry } from './audit-chain';
import { verifyAuditChain } from './audit-integrity';

export interface AuditRecord {
  at: string;
  userId: string | null;
  username: string;
  action: AuditAction;
  patientId?: string | null;
  outcome?: AuditOutcome;
  details?: string;
  /** Every patient the action showed, when it showed several (kept in audit_log_patients). */
  patientIds?: readonly string[];
}

/**
 * Appends one audit entry, with the patients it showed, sealed into the audit chain
 * (audit-chain.ts). Call inside the transaction of the action it records; alone, it is its own.
 */
export function appendAudit(db: Database.Database, record: AuditRecord): string {
  // Inside the caller's transaction the entry, its patients and its MAC commit or roll back with
  // it; a savepoint of its own would cost more than the entry itself.
  if (db.inTransaction) return insertSealed(db, record);
  let append = appenders.get(db);
  if (!append) {
    append = db.transaction((r: AuditRecord) => insertSealed(db, r));
    appenders.set(db, append);
  }
  return append(record);
}

const appenders = new WeakMap<Database.Database, (record: AuditRecord) => string>();

function insertSealed(db: Database.Database, record: AuditRecord): string {
  {
    const row = {
      uuid: newId(),
      device_id: deviceId(db),
      at: record.at,
      user_id: record.userId,
      username: record.username,
      action: record.action,
      patient_id: record.patientId ?? null,
      outcome: record.outcome ?? 'success',
      details: record.details ?? '',
    };
    const inserted = preparedOnce(
      db,
      `INSERT INTO audit_log (uuid, device_id, at, user_id, username, action, patient_id, outcome, details)
       VALUES (@uuid, @device_id, @at, @user_id, @username, @action, @patient_id, @outcome, @details)`,
    ).run(row);
    const patientIds = [...new Set(record.patientIds ?? [])];
    if (patientIds.length) {
      const shown = preparedOnce(db, 'INSERT OR IGNORE INTO audit_log_patients (audit_uuid, patient_id) VALUES (?, ?)');
      for (const patientId of patientIds) shown.run(row.uuid, patientId);
    }
    // The MAC covers the patients too, so it is set after them (the one update the log allows).
    sealAppendedEntry(db, { seq: Number(inserted.lastInsertRowid), ...row }, patientIds);
    return row.uuid;
  }
}

interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  username: string;
  action: AuditEntry['action'];
  patient_id: string | null;
  outcome: AuditEntry['outcome'];
  details: string;
  patient_label: string | null;
  patient_mrn: string | null;
  patient_given: string | null;
  patient_family: string | null;
}

/**
 * Whether the reader may see patients' names: the audit screen is an administrator's, and an
 * administrator who is not also clinical staff (AUDIT_NAMES_ROLES) sees who was looked at by
 * record number only. Names are replaced in the patient column and in the details (bookings name
 * the patient) by the patient's MRN.
 */
export interface AuditReader {
  patientNames: boolean;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The details with the patient's current names (whole, and each part) replaced by their MRN. */
function withoutNames(details: string, row: AuditRow): string {
  const parts = [`${row.patient_given ?? ''} ${row.patient_family ?? ''}`.trim(), row.patient_given, row.patient_family]
    .flatMap((name) => (name ? [name, ...name.split(/\s+/u)] : []))
    .filter((part) => part.length >= 2)
    .sort((a, b) => b.length - a.length);
  if (parts.length === 0) return details;
  const pattern = new RegExp(parts.map(escapeRegExp).join('|'), 'giu');
  return details.replace(pattern, row.patient_mrn ?? '…');
}

function whereClause(filter: AuditFilter, timeZoneOffset: (date: string, endOfDay: boolean) => string) {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.from) {
    clauses.push('a.at >= ?');
    params.push(timeZoneOffset(filter.from, false));
  }
  if (filter.to) {
    clauses.push('a.at < ?');
    params.push(timeZoneOffset(filter.to, true));
  }
  if (filter.userId) {
    clauses.push('a.user_id = ?');
    params.push(filter.userId);
  }
  if (filter.patientId) {
    // Entries about the patient, and entries that showed them among others (a search page, a day list).
    clauses.push('(a.patient_id = ? OR a.uuid IN (SELECT audit_uuid FROM audit_log_patients WHERE patient_id = ?))');
    params.push(filter.patientId, filter.patientId);
  }
  if (filter.action) {
    clauses.push('a.action = ?');
    params.push(filter.action);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Start of a calendar day (or of the next day, for an inclusive "to") in the clinic's zone, as a UTC ISO time. */
export function dayBoundaryUtc(date: string, nextDay: boolean, timeZone: string): string {
  const bounds = clinicDayBounds(date, timeZone);
  return nextDay ? bounds.endUtc : bounds.startUtc;
}

export function listAudit(
  ctx: ServiceContext,
  filter: AuditFilter,
  timeZone: string,
  reader: AuditReader,
): { entries: AuditEntry[]; total: number } {
  const where = whereClause(filter, (date, end) => dayBoundaryUtc(date, end, timeZone));
  const db = ctx.db.sqlite;
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log a ${where.sql}`).get(...where.params) as { n: number })
    .n;
  const rows = db
    .prepare(
      `SELECT a.*, CASE WHEN p.id IS NULL THEN NULL ELSE p.given_names || ' ' || p.family_name || ' (' || p.mrn || ')' END AS patient_label,
              p.mrn AS patient_mrn, p.given_names AS patient_given, p.family_name AS patient_family
       FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id
       ${where.sql} ORDER BY a.seq DESC LIMIT ? OFFSET ?`,
    )
    .all(...where.params, filter.limit, filter.offset) as AuditRow[];
  return {
    total,
    entries: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      userId: r.user_id,
      username: r.username,
      action: r.action,
      patientId: r.patient_id,
      patientLabel: reader.patientNames ? (r.patient_label?.trim() ?? '') : (r.patient_mrn ?? ''),
      outcome: r.outcome,
      details: reader.patientNames || !r.patient_id ? r.details : withoutNames(r.details, r),
    })),
  };
}

/**
 * A CSV cell that a spreadsheet will show as text, never run as a formula (OWASP "CSV injection"):
 * a cell a spreadsheet would read as a formula gets a leading apostrophe. That is one starting
 * with = @ tab or CR, or with + or - followed by anything but a number as people write phone
 * numbers and quantities (digits, spaces, brackets, dots, dashes, slashes). Without letters such a
 * cell can call no function, so "+91 98765 43210" stays a phone number that SMS and mail-merge
 * tools import as typed, while "+SUM(A1)" and "-2+cmd|' /C calc'!A0" are neutralised.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-][\d\s().\-/]*$/.test(text))) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsv(entries: AuditEntry[]): string {
  const header = ['Time (UTC)', 'User', 'Action', 'Patient', 'Outcome', 'Details'];
  const lines = [header.map(csvCell).join(',')];
  for (const e of entries) {
    lines.push([e.at, e.username, e.action, e.patientLabel, e.outcome, e.details].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The last lines of an export: what the check of the audit chain found, for whoever reads the file. */
function integrityTrailer(integrity: AuditChainResult): string {
  const said = integrity.ok
    ? t('audit.chain.exportOk', { rows: integrity.rows, at: integrity.checkedAt })
    : t('audit.chain.exportBroken', { message: integrity.message, at: integrity.checkedAt });
  return `\r\n${[t('audit.chain.exportLabel'), said].map(csvCell).join(',')}\r\n`;
}

/**
 * Exports the entries the filter selects. The chain is checked first; a broken chain does not stop
 * the export (an inspector needs the entries most then), it is named in the file's last line, in
 * the answer and in the export's own audit entry.
 */
export async function exportAuditCsv(
  ctx: ServiceContext,
  filter: AuditFilter,
  timeZone: string,
  actor: { userId: string; username: string },
  reader: AuditReader,
): Promise<{ filename: string; csv: string; rows: number; integrity: AuditChainResult }> {
  const integrity = await verifyAuditChain(ctx);
  const all: AuditEntry[] = [];
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = listAudit(ctx, { ...filter, limit: pageSize, offset }, timeZone, reader);
    all.push(...page.entries);
    if (page.entries.length < pageSize) break;
  }
  appendAudit(ctx.db.sqlite, {
    at: isoNow(ctx),
    userId: actor.userId,
    username: actor.username,
    action: 'audit.export',
    details: integrity.ok ? `${all.length} rows; audit chain verified` : `${all.length} rows; ${integrity.message}`,
  });
  const stamp = isoNow(ctx).slice(0, 10);
  return {
    filename: `chartbook-audit-${stamp}.csv`,
    csv: auditCsv(all) + integrityTrailer(integrity),
    rows: all.length,
    integrity,
  };
}

/** audit.verify: checks the whole chain now and records who asked and what it found. */
export async function verifyAuditOnDemand(
  ctx: ServiceContext,
  actor: { userId: string; username: string },
): Promise<AuditChainResult> {
  const result = await verifyAuditChain(ctx);
  appendAudit(ctx.db.sqlite, {
    at: isoNow(ctx),
    userId: actor.userId,
    username: actor.username,
    action: 'audit.verify',
    outcome: result.ok ? 'success' : 'failure',
    details: result.ok ? `${result.rows} entries verified` : result.message,
  });
  return result;
}
