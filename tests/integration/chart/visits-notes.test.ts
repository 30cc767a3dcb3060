import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import type { Session } from '../../../electron/main/ipc/session';
import type { ChannelInput } from '../../../shared/contract';
import type { DraftBody } from '../../../shared/domain/draft';
import { noteDraftKey, type Note } from '../../../shared/domain/note';
import type { Visit } from '../../../shared/domain/visit';
import { addDoctor, openBook, rows, signIn, type Book } from '../appointments/book-support';
import { ADMIN_PASSWORD, openTestApp } from '../support';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

let book: Book;
beforeEach(async () => {
  book = await openBook(); // Tuesday 2026-03-10, 10:00 in Berlin; the admin is the doctor
});
afterEach(() => book.app.close());

const TABLES = ['visits', 'notes', 'note_templates', 'note_snippets', 'appointments', 'change_log', 'drafts'];
const counts = (): Record<string, number> => Object.fromEntries(TABLES.map((t) => [t, book.app.count(t)]));

const soap = (over: Partial<ChannelInput<'notes.save'>> = {}) => ({
  format: 'soap' as const,
  subjective: 'Fever for 3 days',
  objective: 'T 38.4 °C, throat red',
  assessment: 'Viral pharyngitis',
  plan: 'Fluids, paracetamol; review in 3 days if no better',
  ...over,
});

function noteDraft(form: Partial<DraftBody<'note'>['form']> = {}): DraftBody<'note'> {
  return {
    form: {
      format: 'soap',
      subjective: '',
      objective: '',
      assessment: '',
      plan: '',
      body: '',
      baseVersion: null,
      ...form,
    },
  };
}

async function startVisit(session = book.admin, patientId = book.patient.id): Promise<Visit> {
  return book.app.call(session, 'visits.start', { patientId });
}

describe('visits', () => {
  it('start from today’s queue entry (called in) and finish with the appointment done, in one act', async () => {
    const { app, admin, desk, doctorId, patient } = book;
    const walkIn = await app.call(desk, 'appointments.walkIn', { patientId: patient.id, providerId: doctorId });
    expect(walkIn.status).toBe('arrived');
    app.clock.advanceMinutes(5);
    const visit = await app.call(admin, 'visits.start', { patientId: patient.id });
    expect(visit).toMatchObject({
      patientId: patient.id,
      providerId: doctorId,
      providerName: 'Dr Amara Okafor',
      appointmentId: walkIn.id,
      status: 'in_progress',
      startedAt: '2026-03-10T09:05:00.000Z',
      finishedAt: null,
      version: 1,
    });
    expect((await app.call(admin, 'appointments.get', { id: walkIn.id })).status).toBe('with_doctor');

    // One visit in progress per patient and doctor: a second start is refused, nothing written.
    const before = counts();
    const again = await app.raw(admin, 'visits.start', { patientId: patient.id });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/already have a visit in progress .*2026-03-10 10:05/),
      },
    });
    expect(counts()).toEqual(before);

    app.clock.advanceMinutes(20);
    const finished = await app.call(admin, 'visits.finish', { id: visit.id, version: 1 });
    expect(finished).toMatchObject({ status: 'finished', finishedAt: '2026-03-10T09:25:00.000Z', version: 2 });
    const appointment = await app.call(admin, 'appointments.get', { id: walkIn.id });
    expect(appointment).toMatchObject({ status: 'done', doneAt: '2026-03-10T09:25:00.000Z' });
    // The appointment moved through its own flow: its history and audit read as "called in", then "done".
    const history = await app.call(admin, 'appointments.history', { id: walkIn.id });
    expect(history.map((h) => h.action).slice(0, 2)).toEqual(['done', 'called in']);
    const audit = rows<{ action: string; patient_id: string }>(
      app,
      `SELECT action, patient_id FROM audit_log WHERE action IN ('visit.start', 'visit.finish', 'appointment.status') ORDER BY seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'appointment.status',
      'visit.start',
      'visit.finish',
      'appointment.status',
    ]);
    expect(new Set(audit.map((a) => a.patient_id))).toEqual(new Set([patient.id]));
    // The same transaction: the visit's finish and the appointment's done share one instant.
    expect(
      rows(
        app,
        `SELECT entity, operation, changed_at AS at FROM change_log WHERE entity IN ('visit', 'appointment') ORDER BY seq DESC LIMIT 2`,
      ),
    ).toEqual([
      { entity: 'appointment', operation: 'update', at: '2026-03-10T09:25:00.000Z' },
      { entity: 'visit', operation: 'update', at: '2026-03-10T09:25:00.000Z' },
    ]);

    // Finishing a finished visit, or from a stale version: refused, nothing written.
    const settled = counts();
    expect(await app.raw(admin, 'visits.finish', { id: visit.id, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/already finished \(2026-03-10 10:25\)/) },
    });
    expect(counts()).toEqual(settled);

    // A new visit may start now; without an appointment left today it stands alone.
    const second = await startVisit();
    expect(second.appointmentId).toBeNull();
    expect(await app.raw(admin, 'visits.finish', { id: second.id, version: 7 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Someone else changed/) },
    });
    expect((await app.call(admin, 'visits.list', { patientId: patient.id })).map((v) => v.id)).toEqual([
      second.id,
      visit.id,
    ]);
    // A page at a time, newest first: the chart asks for more with "Show older visits".
    expect((await app.call(admin, 'visits.list', { patientId: patient.id, limit: 1 })).map((v) => v.id)).toEqual([
      second.id,
    ]);
  });

  it('“Done” in the queue finishes the visit it came to, in the same transaction', async () => {
    const { app, admin, desk, doctorId, patient } = book;
    const walkIn = await app.call(desk, 'appointments.walkIn', { patientId: patient.id, providerId: doctorId });
    const visit = await startVisit();
    app.clock.advanceMinutes(12);
    const inRoom = await app.call(admin, 'appointments.get', { id: walkIn.id });
    await app.call(admin, 'appointments.advance', { id: walkIn.id, version: inRoom.version, status: 'done' });
    const [after] = await app.call(admin, 'visits.list', { patientId: patient.id });
    expect(after).toMatchObject({ id: visit.id, status: 'finished', finishedAt: '2026-03-10T09:12:00.000Z' });
  });

  it('refuse an unknown or deleted patient and an appointment that is not today’s, writing nothing', async () => {
    const { app, admin, desk, doctorId, patient, other } = book;
    const before = counts();
    const unknown = await app.raw(admin, 'visits.start', { patientId: '0190a0b0-0000-7000-8000-000000000001' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/registered patient/) },
    });
    app.core.db.sqlite
      .prepare('UPDATE patients SET deleted_at = ? WHERE id = ?')
      .run('2026-03-09T00:00:00.000Z', other.id);
    expect(await app.raw(admin, 'visits.start', { patientId: other.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const tomorrow = await app.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '10:20',
    });
    const notToday = await app.raw(admin, 'visits.start', { patientId: patient.id, appointmentId: tomorrow.id });
    expect(notToday).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { appointmentId: expect.stringMatching(/today’s, checked in/) } },
    });
    // A booked appointment of another day is never picked up on its own either.
    expect(counts()).toEqual({ ...before, appointments: before.appointments! + 1, change_log: before.change_log! + 1 });
    expect((await startVisit()).appointmentId).toBeNull();
  });

  it('are clinical: a receptionist is refused every channel, and nothing is written', async () => {
    const { app, admin, desk, patient } = book;
    const visit = await startVisit();
    const note = await app.call(admin, 'notes.save', { visitId: visit.id, ...soap(), sign: true });
    const before = counts();
    const attempts: [string, unknown][] = [
      ['visits.start', { patientId: patient.id }],
      ['visits.finish', { id: visit.id, version: visit.version }],
      ['visits.list', { patientId: patient.id }],
      ['notes.save', { visitId: visit.id, ...soap() }],
      ['notes.addAddendum', { noteId: note.id, body: 'Typo' }],
      ['notes.unsigned', {}],
      ['noteTemplates.list', {}],
      ['noteTemplates.save', { name: 'Fever', format: 'free', body: 'x' }],
      ['noteSnippets.list', {}],
      ['noteSnippets.save', { abbreviation: ';nad', expansion: 'No abnormality detected' }],
    ];
    for (const [channel, input] of attempts) {
      const result = await app.raw(desk, channel, input);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(result)).not.toMatch(/Fever|pharyngitis/);
    }
    expect(counts()).toEqual(before);
  });
});

describe('notes', () => {
  it('are written, edited by their author, signed read-only, and corrected by addenda', async () => {
    const { app, admin } = book;
    const lee = await addDoctor(book, 'lee');
    const visit = await startVisit();
    // What the editor typed into the new note's draft is removed by the save, in its transaction.
    await app.call(admin, 'drafts.save', {
      kind: 'note',
      key: noteDraftKey.newInVisit(visit.id),
      body: noteDraft({ subjective: 'Fever' }),
    });
    const created = await app.call(admin, 'notes.save', { visitId: visit.id, ...soap() });
    expect(created).toMatchObject({ status: 'unsigned', version: 1, authorName: 'Dr Amara Okafor', signedAt: null });
    expect(await app.call(admin, 'drafts.get', { kind: 'note', key: noteDraftKey.newInVisit(visit.id) })).toBeNull();

    await app.call(admin, 'drafts.save', {
      kind: 'note',
      key: noteDraftKey.edit(created.id),
      body: noteDraft({ ...soap(), plan: 'Fluids', baseVersion: 1 }),
    });
    const edited = await app.call(admin, 'notes.save', {
      visitId: visit.id,
      id: created.id,
      version: 1,
      ...soap({ plan: 'Fluids' }),
    });
    expect(edited).toMatchObject({ version: 2, plan: 'Fluids' });
    expect(await app.call(admin, 'drafts.get', { kind: 'note', key: noteDraftKey.edit(created.id) })).toBeNull();

    // Another doctor may not edit it; a stale version is refused; neither writes anything.
    const before = counts();
    expect(
      await app.raw(lee.session, 'notes.save', { visitId: visit.id, id: created.id, version: 2, ...soap() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Only the note’s author, Dr Amara Okafor/) },
    });
    expect(
      await app.raw(admin, 'notes.save', { visitId: visit.id, id: created.id, version: 1, ...soap({ plan: 'x' }) }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(counts()).toEqual(before);

    const signed = await app.call(admin, 'notes.save', {
      visitId: visit.id,
      id: created.id,
      version: 2,
      ...soap({ plan: 'Fluids' }),
      sign: true,
    });
    expect(signed).toMatchObject({
      status: 'signed',
      signedAt: '2026-03-10T09:00:00.000Z',
      signedByName: 'Dr Amara Okafor',
    });
    // Signing without changes writes no content update: only the signature.
    expect(signed.version).toBe(3);

    const afterSign = counts();
    const edit = await app.raw(admin, 'notes.save', {
      visitId: visit.id,
      id: created.id,
      version: signed.version,
      ...soap({ plan: 'Changed my mind' }),
    });
    expect(edit).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'This note is signed and can no longer be changed. Add an addendum instead.',
      },
    });
    expect(counts()).toEqual(afterSign);

    app.clock.advanceMinutes(30);
    const addendum = await app.call(lee.session, 'notes.addAddendum', {
      noteId: created.id,
      body: 'Rapid strep test negative.',
    });
    expect(addendum).toMatchObject({
      addendumTo: created.id,
      status: 'signed',
      format: 'free',
      visitId: visit.id,
      authorName: 'User lee',
      signedAt: '2026-03-10T09:30:00.000Z',
    });
    // An addendum to an addendum is kept with the first note.
    const second = await app.call(admin, 'notes.addAddendum', { noteId: addendum.id, body: 'Culture sent.' });
    expect(second.addendumTo).toBe(created.id);

    const [listed] = await app.call(admin, 'visits.list', { patientId: book.patient.id });
    expect(listed!.notes).toHaveLength(1);
    expect(listed!.notes[0]).toMatchObject({ id: created.id, plan: 'Fluids', status: 'signed' });
    expect(listed!.notes[0]!.addenda.map((a) => a.body)).toEqual(['Rapid strep test negative.', 'Culture sent.']);
    expect(
      rows<{ action: string }>(app, `SELECT action FROM audit_log WHERE action LIKE 'note.%' ORDER BY seq`).map(
        (r) => r.action,
      ),
    ).toEqual(['note.create', 'note.update', 'note.sign', 'note.addendum', 'note.addendum']);
    // Reading the visits is a view of the chart, recorded with the section through the read-audit buffer.
    flushReadAudit(app.core.ctx);
    expect(
      rows(app, `SELECT patient_id, details FROM audit_log WHERE action = 'chart.view' ORDER BY seq DESC LIMIT 1`),
    ).toEqual([{ patient_id: book.patient.id, details: 'visits' }]);
  });

  it('refuse bad input with field messages and write nothing: too long, empty, wrong format, unsigned addendum', async () => {
    const { app, admin } = book;
    const visit = await startVisit();
    const unsigned = await app.call(admin, 'notes.save', { visitId: visit.id, format: 'free', body: 'Cough' });
    const before = counts();
    const tooLong = await app.raw(admin, 'notes.save', {
      visitId: visit.id,
      ...soap({ objective: 'x'.repeat(50_001) }),
    });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { objective: 'Objective must be at most 50000 characters' } },
    });
    expect(await app.raw(admin, 'notes.save', { visitId: visit.id, format: 'soap' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { subjective: 'Write something in the note before saving it.' } },
    });
    expect(
      await app.raw(admin, 'notes.save', { visitId: visit.id, format: 'free', body: 'x', plan: 'hidden' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { plan: expect.stringMatching(/free-text note/) } },
    });
    expect(await app.raw(admin, 'notes.save', { visitId: visit.id, format: 'free', body: 'a\u202eb' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { body: expect.stringMatching(/right-to-left override/) } },
    });
    expect(await app.raw(admin, 'notes.addAddendum', { noteId: unsigned.id, body: 'More' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/Only a signed note takes an addendum/) },
    });
    expect(counts()).toEqual(before);
    // Exactly 50,000 characters in any script is kept whole.
    const long = 'नमस्ते '.repeat(7_143).slice(0, 49_999) + 'x';
    const saved = await app.call(admin, 'notes.save', { visitId: visit.id, format: 'free', body: long });
    expect(saved.body).toHaveLength(50_000);
  });

  it('unsigned for more than a day stay on their author’s list until signed', async () => {
    const { app, admin, patient } = book;
    const lee = await addDoctor(book, 'lee');
    const visit = await startVisit();
    const note: Note = await app.call(admin, 'notes.save', { visitId: visit.id, format: 'free', body: 'Headache' });
    const leeVisit = await startVisit(lee.session, book.other.id);
    await app.call(lee.session, 'notes.save', { visitId: leeVisit.id, format: 'free', body: 'Rash' });
    expect(await app.call(admin, 'notes.unsigned', {})).toEqual([]);

    app.clock.advanceMinutes(25 * 60);
    admin.lastActivityMs = app.clock.ms;
    const list = await app.call(admin, 'notes.unsigned', {});
    expect(list).toEqual([
      {
        id: note.id,
        patientId: patient.id,
        patientName: 'José García',
        patientMrn: patient.mrn,
        visitId: visit.id,
        visitStartedAt: visit.startedAt,
        createdAt: note.createdAt,
        updatedAt: note.updatedAt,
      },
    ]);
    await app.call(admin, 'notes.save', {
      visitId: visit.id,
      id: note.id,
      version: 1,
      format: 'free',
      body: 'Headache',
      sign: true,
    });
    expect(await app.call(admin, 'notes.unsigned', {})).toEqual([]);
  });

  it('keep the draft typed in main through a killed core: reopening the same file finds it', async () => {
    const { app } = book;
    const visit = await startVisit();
    const body = noteDraft({ subjective: 'Cough for two weeks, worse at night', plan: 'Chest X-ray' });
    const key = noteDraftKey.newInVisit(visit.id);
    app.close();
    const said = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(here, 'note-draft-child.ts'), app.dir, ADMIN_PASSWORD, key, JSON.stringify(body)],
        { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(err))));
    });
    expect(said).toBe('saved\n');
    book.app = openTestApp(app.dir, app.clock);
    const doctor: Session = await signIn(book.app, 'admin');
    expect(await book.app.call(doctor, 'drafts.get', { kind: 'note', key })).toMatchObject({ kind: 'note', key, body });
  }, 60_000);
});

describe('templates and snippets', () => {
  it('templates are the clinic’s: any doctor makes and edits them; names are unique', async () => {
    const { app, admin } = book;
    const lee = await addDoctor(book, 'lee');
    const fever = await app.call(admin, 'noteTemplates.save', {
      name: 'Fever',
      format: 'soap',
      subjective: 'Fever since ',
      plan: 'Fluids, antipyretics',
    });
    const edited = await app.call(lee.session, 'noteTemplates.save', {
      id: fever.id,
      version: fever.version,
      name: 'Fever',
      format: 'soap',
      subjective: 'Fever for __ days',
      plan: 'Fluids, antipyretics',
    });
    expect(edited).toMatchObject({ version: 2, updatedBy: lee.id });
    await app.call(admin, 'noteTemplates.save', { name: 'Antenatal visit', format: 'free', body: 'Gestation: ' });
    expect((await app.call(lee.session, 'noteTemplates.list', {})).map((t) => t.name)).toEqual([
      'Antenatal visit',
      'Fever',
    ]);
    const before = counts();
    expect(await app.raw(admin, 'noteTemplates.save', { name: 'fever', format: 'free', body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { name: expect.stringMatching(/already exists/) } },
    });
    expect(counts()).toEqual(before);
  });

  it('snippets are each doctor’s own: listed and edited by their owner only', async () => {
    const { app, admin } = book;
    const lee = await addDoctor(book, 'lee');
    const nad = await app.call(admin, 'noteSnippets.save', {
      abbreviation: ';nad',
      expansion: 'No abnormality detected',
    });
    await app.call(lee.session, 'noteSnippets.save', { abbreviation: ';nad', expansion: 'Nothing abnormal detected' });
    expect((await app.call(admin, 'noteSnippets.list', {})).map((s) => s.expansion)).toEqual([
      'No abnormality detected',
    ]);
    const before = counts();
    expect(
      await app.raw(lee.session, 'noteSnippets.save', {
        id: nad.id,
        version: 1,
        abbreviation: ';nad',
        expansion: 'mine',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.raw(admin, 'noteSnippets.save', { abbreviation: ';nad', expansion: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { abbreviation: expect.stringMatching(/already have the snippet ;nad/) } },
    });
    expect(await app.raw(admin, 'noteSnippets.save', { abbreviation: 'nad', expansion: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { abbreviation: expect.stringMatching(/semicolon/) } },
    });
    expect(counts()).toEqual(before);
  });
});
