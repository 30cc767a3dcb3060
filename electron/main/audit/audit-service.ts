import type Database from 'better-sqlite3';
import type { AuditAction, AuditEntry, AuditFilter, AuditOutcome } from '../../../shared/domain/audit';
import { clinicDayBounds } from '../../../shared/zoned-time';
import { deviceId } from '../db/device-state';
import { newId, preparedOnce } from '../db/records';
import { isoNow, type ServiceContext } from '../context';

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

/** Appends one audit entry, with the patients it showed. Call inside the transaction of the action it records. */
export function appendAudit(db: Database.Database, record: AuditRecord): string {
  const uuid = newId();
  preparedOnce(
    db,
    `INSERT INTO audit_log (uuid, device_id, at, user_id, username, action, patient_id, outcome, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    uuid,
    deviceId(db),
    record.at,
    record.userId,
    record.username,
    record.action,
    record.patientId ?? null,
    record.outcome ?? 'success',
    record.details ?? '',
  );
  if (record.patientIds?.length) {
    const shown = preparedOnce(db, 'INSERT OR IGNORE INTO audit_log_patients (audit_uuid, patient_id) VALUES (?, ?)');
    for (const patientId of new Set(record.patientIds)) shown.run(uuid, patientId);
  }
  return uuid;
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

export function exportAuditCsv(
  ctx: ServiceContext,
  filter: AuditFilter,
  timeZone: string,
  actor: { userId: string; username: string },
  reader: AuditReader,
): { filename: string; csv: string; rows: number } {
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
    details: `${all.length} rows`,
  });
  const stamp = isoNow(ctx).slice(0, 10);
  return { filename: `chartbook-audit-${stamp}.csv`, csv: auditCsv(all), rows: all.length };
}
