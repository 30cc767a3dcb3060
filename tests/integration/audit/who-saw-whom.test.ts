import { afterEach, describe, expect, it } from 'vitest';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { sessionFor, openBook, type Book } from '../appointments/book-support';
import { openPrintingBook } from '../frontdesk/printing-book';

let book: Book;
afterEach(() => book?.app.close());

const entries = (book: Book, action: string) =>
  book.app.core.db.sqlite
    .prepare('SELECT uuid, username, patient_id, outcome, details FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { uuid: string; username: string; patient_id: string | null; outcome: string; details: string }[];

const shownBy = (book: Book, uuid: string) =>
  book.app.core.db.sqlite
    .prepare('SELECT patient_id FROM audit_log_patients WHERE audit_uuid = ? ORDER BY patient_id')
    .pluck()
    .all(uuid);

describe('who saw which patients in lists', () => {
  it('a search page records every patient it showed, and the audit screen finds it by patient', async () => {
    book = await openBook();
    const { app, desk, admin, patient, other } = book;
    const found = await app.call(desk, 'patients.search', { text: '' });
    expect(found.length).toBe(2);
    flushReadAudit(app.core.ctx);
    const [search] = entries(book, 'patient.search');
    expect(search).toMatchObject({ username: 'desk', outcome: 'success', details: '2 patients shown' });
    expect(shownBy(book, search!.uuid)).toEqual([patient.id, other.id].sort());
    const screen = await app.call(admin, 'audit.list', { patientId: other.id, action: 'patient.search' });
    expect(screen.entries.map((e) => e.action)).toEqual(['patient.search']);
  });

  it('the day book, the queue and the front desk’s day record the patients on them', async () => {
    book = await openBook();
    const { app, desk, doctorId, patient } = book;
    await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-10',
      time: '14:00',
    });
    await app.call(desk, 'appointments.day', { date: '2026-03-10' });
    await app.call(desk, 'appointments.today', { date: '2026-03-10' });
    await app.call(desk, 'appointments.day', { date: '2026-03-11' }); // nobody booked: nothing shown, nothing recorded
    flushReadAudit(app.core.ctx);
    for (const action of ['appointment.day_view', 'appointment.today_view']) {
      const rows = entries(book, action);
      expect(rows, action).toHaveLength(1);
      expect(rows[0]!.patient_id, action).toBe(patient.id);
    }
  });

  it('writes the buffered reads within about a second, without being asked', async () => {
    book = await openBook();
    await book.app.call(book.desk, 'patients.search', { text: 'José' });
    expect(entries(book, 'patient.search')).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1300));
    expect(entries(book, 'patient.search')).toHaveLength(1);
  });

  it('a printed day list names every patient on it', async () => {
    const printing = await openPrintingBook();
    book = printing;
    const { app, desk, doctorId, patient, other } = printing;
    for (const [p, time] of [
      [patient, '14:00'],
      [other, '14:20'],
    ] as const) {
      await app.call(desk, 'appointments.book', { patientId: p.id, providerId: doctorId, date: '2026-03-10', time });
    }
    await app.call(desk, 'print.dayList', { providerId: doctorId, date: '2026-03-10' });
    const [entry] = entries(printing, 'print.day_list');
    expect(shownBy(printing, entry!.uuid)).toEqual([patient.id, other.id].sort());
  });
});

describe('refused calls', () => {
  it('are audited with who asked, what for and why it was refused', async () => {
    book = await openBook();
    const { app, desk } = book;
    const refused = await app.raw(desk, 'audit.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const anonymous = await app.raw(app.core.newSession(), 'patients.search', { text: 'a' });
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    flushReadAudit(app.core.ctx);
    expect(entries(book, 'access.refused')).toEqual([
      expect.objectContaining({ username: 'desk', outcome: 'denied', details: 'audit.list: FORBIDDEN' }),
      expect.objectContaining({ username: '', outcome: 'denied', details: 'patients.search: UNAUTHENTICATED' }),
    ]);
  });

  it('the list of who saw whom cannot be edited', async () => {
    book = await openBook();
    await book.app.call(sessionFor(book.app, book.desk.user!), 'patients.search', { text: '' });
    flushReadAudit(book.app.core.ctx);
    const db = book.app.core.db.sqlite;
    expect(() => db.prepare('DELETE FROM audit_log_patients').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log_patients SET patient_id = 'x'").run()).toThrow(/append-only/);
  });
});
