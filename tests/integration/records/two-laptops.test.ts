import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/main/core';
import { becomeNewDevice, deviceId } from '../../../electron/main/db/device-state';
import { mergeDatabase } from '../../../electron/main/records/merge';
import { patientInput, type TestApp } from '../support';
import { openBook, sessionFor, type Book } from '../appointments/book-support';

const open: TestApp[] = [];
afterEach(() => open.splice(0).forEach((a) => a.close()));

const MONDAY = '2026-03-16';

/** One laptop's offline day: two new patients, both checked in on the same Monday, and edits. */
async function workOffline(book: Book, names: [string, string], edit: { familyName?: string; phone?: string }) {
  const { app, doctorId } = book;
  app.clock.ms = Date.parse(`${MONDAY}T07:30:00.000Z`);
  const desk = sessionFor(app, book.desk.user!);
  const admin = sessionFor(app, book.admin.user!);
  const registered = [];
  for (const [i, givenNames] of names.entries()) {
    const patient = await app.call(desk, 'patients.register', {
      patient: patientInput({
        givenNames,
        familyName: 'Offline',
        phones: [{ kind: 'mobile', number: `+49 151 77700${i}${names[0].length}` }],
      }),
      confirmedNotDuplicate: true,
    });
    const booked = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: MONDAY,
      time: i === 0 ? '09:00' : '09:20',
    });
    await app.call(desk, 'appointments.checkIn', { id: booked.id, version: booked.version });
    registered.push(patient);
  }
  // Both laptops edit the patient they shared before going offline.
  const shared = await app.call(desk, 'patients.get', { id: book.patient.id });
  await app.call(desk, 'patients.update', {
    id: shared.id,
    version: shared.version,
    patient: patientInput({
      familyName: edit.familyName ?? shared.familyName,
      phones: [{ kind: 'mobile', number: edit.phone ?? shared.phones[0]!.number }],
    }),
    confirmedNotDuplicate: true,
  });
  const settings = await app.call(admin, 'settings.get', {});
  await app.call(admin, 'settings.update', { ...settings, letterhead: `Letterhead from ${names[0]}` });
  return registered;
}

const count = (app: TestApp, sql: string, ...params: unknown[]) =>
  (app.core.db.sqlite.prepare(sql).get(...params) as { n: number }).n;

describe('two laptops that worked offline, merged into one database', () => {
  it('keeps every record, history, log and token of both, with no key colliding', async () => {
    const a = await openBook();
    const b = await openBook();
    open.push(a.app, b.app);
    // b is a copy of the same clinic: it becomes a laptop of its own before it works.
    becomeNewDevice(b.app.core.db.sqlite, new Date().toISOString());
    expect(deviceId(b.app.core.db.sqlite)).not.toBe(deviceId(a.app.core.db.sqlite));

    const fromA = await workOffline(a, ['Amina', 'Arjun'], { familyName: 'García-Edited' });
    const fromB = await workOffline(b, ['Bela', 'Bongani'], { phone: '+34 611 000 111' });
    const logsOf = (app: TestApp) => ({
      changes: count(app, 'SELECT count(*) AS n FROM change_log'),
      audit: count(app, 'SELECT count(*) AS n FROM audit_log'),
    });
    const before = { a: logsOf(a.app), b: logsOf(b.app) };
    const shared = { changes: count(a.app, "SELECT count(*) AS n FROM change_log WHERE changed_at < '2026-03-16'") };
    const sharedAudit = count(a.app, "SELECT count(*) AS n FROM audit_log WHERE at < '2026-03-16'");
    b.app.close();
    open.splice(open.indexOf(b.app), 1);

    const report = mergeDatabase(a.app.core.db.sqlite, path.join(b.app.dir, DATABASE_FILE));

    expect(report.added.patient).toBe(2);
    expect(report.conflicts.map((c) => c.kind).sort()).toEqual(['clinic_settings', 'patient']);
    const db = a.app.core.db.sqlite;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Both laptops gave token 1 and 2 on Monday: four tokens, each with the device that gave it.
    const tokens = db
      .prepare(
        'SELECT token, token_device FROM appointments WHERE clinic_date = ? AND token IS NOT NULL ORDER BY token_device, token',
      )
      .all(MONDAY) as { token: number; token_device: string }[];
    expect(tokens.map((t) => t.token)).toEqual([1, 2, 1, 2]);
    expect(new Set(tokens.map((t) => t.token_device)).size).toBe(2);

    // The patient both edited: two version-2 history rows, one from each laptop.
    const history = db
      .prepare('SELECT version, device_id FROM patient_history WHERE patient_id = ? ORDER BY version, device_id')
      .all(a.patient.id) as { version: number; device_id: string }[];
    expect(history.filter((h) => h.version === 2)).toHaveLength(2);

    // Every log row of both laptops is there once: the shared ones were not doubled.
    expect(logsOf(a.app)).toEqual({
      changes: before.a.changes + before.b.changes - shared.changes,
      audit: before.a.audit + before.b.audit - sharedAudit,
    });
    expect(count(a.app, 'SELECT count(DISTINCT uuid) AS n FROM change_log')).toBe(logsOf(a.app).changes);

    // Search finds both laptops' patients; their MRNs differ by device prefix.
    const reception = sessionFor(a.app, a.desk.user!);
    for (const p of [...fromA, ...fromB]) {
      const found = await a.app.call(reception, 'patients.search', { text: p.givenNames });
      expect(found.map((f) => f.mrn)).toEqual([p.mrn]);
    }
    expect(new Set([...fromA, ...fromB].map((p) => p.mrn.slice(0, 4))).size).toBe(2);

    // Merging the same file again changes nothing.
    const again = mergeDatabase(db, path.join(b.app.dir, DATABASE_FILE));
    expect(again.added.patient).toBe(0);
    expect(again.changeLogRows + again.auditRows + again.historyRows).toBe(0);
  });
});
