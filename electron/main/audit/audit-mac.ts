import crypto from 'node:crypto';

/**
 * What an audit entry's MAC covers (docs/ARCHITECTURE.md, "Audit chain"): every column people
 * read, the patients the entry showed (sorted, so the order they were stored in does not matter)
 * and the previous entry's MAC. JSON of a fixed array is the encoding: unambiguous (no separator a
 * username could forge) and the same in every version of Node.
 */
export interface AuditContent {
  seq: number;
  uuid: string | null;
  device_id: string | null;
  at: string;
  user_id: string | null;
  username: string;
  action: string;
  patient_id: string | null;
  outcome: string;
  details: string;
}

const ENTRY_LABEL = 'chartbook audit entry v1\n';
const ANCHOR_LABEL = 'chartbook audit anchor v1\n';

/** Sorted, without repeats: how the MAC sees an entry's patients. */
export function macPatients(patientIds: Iterable<string>): string[] {
  return [...new Set(patientIds)].sort();
}

/** HMAC-SHA256 (hex) of an entry chained to the MAC before it ('' for the first entry). */
export function auditMac(
  key: Buffer,
  previousMac: string,
  row: AuditContent,
  sortedPatientIds: readonly string[],
): string {
  const content = JSON.stringify([
    row.seq,
    row.uuid,
    row.device_id,
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.patient_id,
    row.outcome,
    row.details,
    sortedPatientIds,
  ]);
  return crypto.createHmac('sha256', key).update(`${ENTRY_LABEL}${previousMac}\n${content}`).digest('hex');
}

/** The anchor file's own MAC: the newest entry's seq and MAC, and a recorded tail cut, if any. */
export function anchorMac(key: Buffer, seq: number, mac: string, cutAt: number | null): string {
  return crypto
    .createHmac('sha256', key)
    .update(ANCHOR_LABEL)
    .update(JSON.stringify([seq, mac, cutAt]))
    .digest('hex');
}

/** Compares two MACs in constant time (a mismatch says nothing about where they differ). */
export function sameMac(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a.length !== b.length) return false;
  return crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
