import fs from 'node:fs';
import path from 'node:path';
import { anchorMac, sameMac } from './audit-mac';
import { writeFileDurably } from '../db/files';

/**
 * The audit anchor: the newest entry's seq and MAC, kept outside the database in the data folder
 * and signed with the audit key (docs/ARCHITECTURE.md, "Audit chain"). Deleting entries from the
 * end of the log leaves a chain that verifies; the anchor shows they existed. It is written after
 * audit writes, at most once per ANCHOR_DEBOUNCE_MS and on close, so a crash can leave it up to
 * that much behind the database: an anchor BEHIND the newest entry is normal, one AHEAD of it (a
 * seq the log lacks, or another MAC at its seq) means the tail was cut. `cutAt` records a cut once
 * seen, so the alarm survives restarts and the entries written after it.
 */
export const AUDIT_ANCHOR_FILE = 'chartbook.audit-anchor';
export const ANCHOR_DEBOUNCE_MS = 1000;

export interface AuditAnchor {
  seq: number;
  mac: string;
  cutAt: number | null;
}

export type AnchorReading =
  | { state: 'none' }
  | { state: 'valid'; anchor: AuditAnchor }
  /** Unreadable, or its signature does not match its content. */
  | { state: 'forged' };

interface AnchorFileContent {
  version: 1;
  seq: number;
  mac: string;
  cutAt: number | null;
  hmac: string;
}

export function readAuditAnchor(dataDir: string, key: Buffer): AnchorReading {
  const file = path.join(dataDir, AUDIT_ANCHOR_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    throw error;
  }
  try {
    const content = JSON.parse(text) as Partial<AnchorFileContent>;
    const { seq, mac, hmac } = content;
    const cutAt = content.cutAt ?? null;
    if (content.version !== 1 || !Number.isSafeInteger(seq) || typeof mac !== 'string' || typeof hmac !== 'string')
      return { state: 'forged' };
    if (cutAt !== null && !Number.isSafeInteger(cutAt)) return { state: 'forged' };
    if (!sameMac(hmac, anchorMac(key, seq!, mac, cutAt))) return { state: 'forged' };
    return { state: 'valid', anchor: { seq: seq!, mac, cutAt } };
  } catch {
    return { state: 'forged' };
  }
}

/** Writes the anchor whole or not at all: a temporary file, fsync, then rename over the old one. */
export function writeAuditAnchor(dataDir: string, key: Buffer, anchor: AuditAnchor): void {
  const content: AnchorFileContent = {
    version: 1,
    seq: anchor.seq,
    mac: anchor.mac,
    cutAt: anchor.cutAt,
    hmac: anchorMac(key, anchor.seq, anchor.mac, anchor.cutAt),
  };
  writeFileDurably(path.join(dataDir, AUDIT_ANCHOR_FILE), JSON.stringify(content) + '\n');
}
