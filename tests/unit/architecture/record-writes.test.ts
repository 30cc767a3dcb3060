import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_COLUMNS } from '../../../electron/main/records/record-kind';
import { RECORD_KINDS } from '../../../electron/main/records/record-kinds';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'electron', 'main');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Writes to a registered kind's table that bypass the record writer: any INSERT or DELETE, an
 * UPDATE of anything but the kind's device-only columns, or a hand-made version bump anywhere.
 */
function handWrittenRecordWrites(source: string): string[] {
  const found: string[] = [];
  for (const kind of RECORD_KINDS) {
    const table = kind.tableName;
    const deviceOnly = new Set(Object.keys(kind.deviceColumns ?? {}));
    for (const m of source.matchAll(
      new RegExp(`\\b(INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO|DELETE\\s+FROM)\\s+${table}\\b`, 'gi'),
    )) {
      found.push(`${m[1]!.toUpperCase().replace(/\s+/g, ' ')} ${table}`);
    }
    for (const m of source.matchAll(
      new RegExp(`\\bUPDATE\\s+${table}\\s+SET\\s+([\\s\\S]*?)(?:\\bWHERE\\b|\`|'|$)`, 'gi'),
    )) {
      const columns = [...m[1]!.matchAll(/(\w+)\s*=/g)].map((c) => c[1]!);
      const touched = columns.filter((c) => !deviceOnly.has(c));
      if (touched.length) found.push(`UPDATE ${table} SET ${touched.join(', ')}`);
    }
  }
  if (/\bversion\s*=\s*version\s*\+\s*1/i.test(source)) found.push('version = version + 1');
  return found;
}

describe('only the record writer writes clinic records', () => {
  it('finds no hand-written INSERT, UPDATE, DELETE or version bump of a registered kind outside electron/main/records/', () => {
    const offenders = sourceFiles(MAIN)
      .filter((file) => !file.startsWith(path.join(MAIN, 'records') + path.sep))
      .flatMap((file) =>
        handWrittenRecordWrites(fs.readFileSync(file, 'utf8')).map((w) => `${path.relative(MAIN, file)}: ${w}`),
      );
    expect(offenders).toEqual([]);
  });

  it('catches the ways a service could write a record by hand', () => {
    expect(handWrittenRecordWrites("db.prepare('INSERT INTO patients (id, mrn) VALUES (?, ?)')")).toEqual([
      'INSERT INTO patients',
    ]);
    expect(
      handWrittenRecordWrites('db.prepare(`UPDATE appointments SET status = ?, updated_at = ? WHERE id = ?`)'),
    ).toEqual(['UPDATE appointments SET status, updated_at']);
    expect(handWrittenRecordWrites("db.prepare('DELETE FROM clinic_holidays WHERE id = ?')")).toEqual([
      'DELETE FROM clinic_holidays',
    ]);
    expect(handWrittenRecordWrites('SET notes = ?, version = version + 1')).toEqual(['version = version + 1']);
    // Device-only columns (a failed sign-in count) are this laptop's own and may be written directly.
    expect(
      handWrittenRecordWrites("db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?')"),
    ).toEqual([]);
  });

  it('every kind names its table, FHIR resource and the record columns its table has', () => {
    const names = RECORD_KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    for (const kind of RECORD_KINDS) {
      expect(kind.fhirResource, kind.name).toMatch(/^[A-Z][A-Za-z]+$/);
      for (const column of RECORD_COLUMNS) expect(kind.columns, `${kind.name}.${column}`).toContain(column);
      for (const column of Object.keys(kind.deviceColumns ?? {})) {
        expect(kind.columns, `${kind.name}.${column}`).toContain(column);
        expect(kind.syncedColumns).not.toContain(column);
      }
    }
  });
});
