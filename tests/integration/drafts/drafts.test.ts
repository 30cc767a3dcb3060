import { rxItemForm } from '../rx/rx-support';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/main/ipc/session';
import type { DraftBody } from '../../../shared/domain/draft';
import { MAX_DRAFT_BYTES } from '../../../shared/domain/draft';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';
import { openBook, type Book } from '../appointments/book-support';

let app: TestApp;
let book: Book | undefined;
afterEach(() => {
  app?.close();
  book?.app.close();
  book = undefined;
});

function form(overrides: Partial<DraftBody<'registration'>['form']> = {}): DraftBody<'registration'>['form'] {
  return {
    givenNames: 'Nomvula',
    familyName: 'Dlamini',
    latinName: '',
    sex: '',
    genderIdentity: '',
    birthKind: 'date',
    birthDate: '',
    estimatedYears: '',
    phones: [{ kind: 'mobile', number: '082 555 0101' }],
    address: { line: '', city: '', region: '', postalCode: '', country: '' },
    identifiers: [],
    emergencyContact: { name: '', relationship: '', phone: '' },
    notes: 'Referred by Dr Naidoo',
    ...overrides,
  };
}

/** A free-text note draft as the note editor keeps it (shared/domain/draft.ts noteFormDraftSchema). */

function note(text: string): DraftBody<'note'> {
  return {
    form: { format: 'free', subjective: '', objective: '', assessment: '', plan: '', body: text, baseVersion: null },
  };
}

const rows = (sql: string, ...params: unknown[]) => app.core.db.sqlite.prepare(sql).all(...params);
const TABLES = ['drafts', 'audit_log', 'change_log', 'patients'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, app.count(t)]));

/** A clinic whose administrator is also its doctor (the doctor of these tests), and a receptionist. */
async function clinic(): Promise<{ admin: Session; desk: Session; doctor: Session }> {
  app = openTestApp();
  const admin = await setUpClinic(app);
  const desk = await addUser(app, admin, 'desk', ['receptionist']);
  return { admin, desk, doctor: admin };
}

describe('drafts', () => {
  it('are saved, read back, listed and discarded, one per person, kind and key', async () => {
    const { desk } = await clinic();
    const saved = await app.call(desk, 'drafts.save', { kind: 'registration', key: '', body: { form: form() } });
    expect(saved.updatedAt).toBe(app.clock.now().toISOString());
    expect(await app.call(desk, 'drafts.get', { kind: 'registration', key: '' })).toEqual({
      kind: 'registration',
      key: '',
      updatedAt: saved.updatedAt,
      body: { form: form() },
    });

    // Saving again replaces the draft whole, with the new time.
    app.clock.advanceMinutes(3);
    await app.call(desk, 'drafts.save', {
      kind: 'registration',
      key: '',
      body: { form: form({ notes: 'Second thoughts' }) },
    });
    const again = await app.call(desk, 'drafts.get', { kind: 'registration', key: '' });
    expect(again?.body).toEqual({ form: form({ notes: 'Second thoughts' }) });
    expect(again?.updatedAt).toBe(app.clock.now().toISOString());
    expect(app.count('drafts')).toBe(1);

    const patientId = '0190a0b0-0000-7000-8000-000000000001';
    app.clock.advanceMinutes(1);
    await app.call(desk, 'drafts.save', {
      kind: 'patientEdit',
      key: patientId,
      body: { form: form(), baseVersion: 3 },
    });
    expect(await app.call(desk, 'drafts.list', {})).toEqual([
      { kind: 'patientEdit', key: patientId, updatedAt: app.clock.now().toISOString() },
      { kind: 'registration', key: '', updatedAt: again?.updatedAt },
    ]);
    expect(await app.call(desk, 'drafts.list', { kind: 'registration' })).toHaveLength(1);

    expect(await app.call(desk, 'drafts.discard', { kind: 'registration', key: '' })).toBeNull();
    expect(await app.call(desk, 'drafts.get', { kind: 'registration', key: '' })).toBeNull();
    // Discarding what is not there is not an error: the person's intent (no draft) holds.
    expect(await app.call(desk, 'drafts.discard', { kind: 'registration', key: '' })).toBeNull();
    expect(await app.call(desk, 'drafts.list', {})).toHaveLength(1);
  });

  it('keep a 50,000-character note in any script and are not audited keystroke by keystroke', async () => {
    const { doctor } = await clinic();
    const before = counts();
    const text = 'नमस्ते, '.repeat(6_250); // 50,000 characters, three bytes each in UTF-8 for the Devanagari
    expect(text.length).toBe(50_000);
    await app.call(doctor, 'drafts.save', { kind: 'note', key: 'encounter-1', body: note(text) });
    expect((await app.call(doctor, 'drafts.get', { kind: 'note', key: 'encounter-1' }))?.body).toEqual(note(text));
    expect(counts()).toEqual({ ...before, drafts: 1 });
  });

  it('are private: nobody reads, lists, overwrites or discards another person’s draft', async () => {
    const { admin, desk } = await clinic();
    const other = await addUser(app, admin, 'desk2', ['receptionist']);
    await app.call(desk, 'drafts.save', { kind: 'registration', key: '', body: { form: form() } });

    expect(await app.call(other, 'drafts.get', { kind: 'registration', key: '' })).toBeNull();
    expect(await app.call(other, 'drafts.list', {})).toEqual([]);
    expect(await app.call(admin, 'drafts.list', {})).toEqual([]);
    await app.call(other, 'drafts.discard', { kind: 'registration', key: '' });
    await app.call(other, 'drafts.save', {
      kind: 'registration',
      key: '',
      body: { form: form({ givenNames: 'Someone else' }) },
    });

    expect((await app.call(desk, 'drafts.get', { kind: 'registration', key: '' }))?.body).toEqual({ form: form() });
    expect(rows('SELECT user_id FROM drafts ORDER BY user_id')).toHaveLength(2);
    // The user id comes from the session: an input naming one is refused, not obeyed.
    const forged = await app.raw(other, 'drafts.get', { kind: 'registration', key: '', userId: desk.user!.userId });
    expect(forged).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('of a kind are refused, changing nothing, to those who may not do what it is for', async () => {
    const { admin, desk, doctor } = await clinic();
    const itAdmin = await addUser(app, admin, 'it', ['admin']);
    await app.call(doctor, 'drafts.save', { kind: 'note', key: 'encounter-1', body: note('Chest pain') });
    await app.call(doctor, 'drafts.save', { kind: 'rxItem', key: 'rx:1', body: { form: rxItemForm() } });
    const before = counts();
    const attempts: [Session, string, unknown][] = [
      [itAdmin, 'drafts.save', { kind: 'registration', key: '', body: { form: form() } }],
      [itAdmin, 'drafts.get', { kind: 'booking', key: '' }],
      [itAdmin, 'drafts.list', { kind: 'patientEdit' }],
      [desk, 'drafts.save', { kind: 'note', key: 'encounter-1', body: note('overwritten') }],
      [desk, 'drafts.discard', { kind: 'note', key: 'encounter-1' }],
      // The prescription pad's medicine form is clinical too: doctors only.
      [desk, 'drafts.save', { kind: 'rxItem', key: 'rx:1', body: { form: rxItemForm() } }],
      [desk, 'drafts.get', { kind: 'rxItem', key: 'rx:1' }],
      [itAdmin, 'drafts.list', { kind: 'rxItem' }],
    ];
    for (const [session, channel, input] of attempts) {
      expect(await app.raw(session, channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/role does not allow/) },
      });
    }
    // No draft and no record changed (refusals are audited as for any refused channel).
    const { audit_log: _a, ...unchanged } = before;
    expect(counts()).toMatchObject(unchanged);
    // Listing everything shows only kinds the person may keep; a refused kind is not hinted at.
    expect(await app.call(itAdmin, 'drafts.list', {})).toEqual([]);
    expect((await app.call(doctor, 'drafts.get', { kind: 'note', key: 'encounter-1' }))?.body).toEqual(
      note('Chest pain'),
    );
    // Signed out, nothing at all.
    expect(await app.raw(app.core.newSession(), 'drafts.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('over 200 KB are refused whole with a clear message; nothing is cut or saved', async () => {
    const { doctor } = await clinic();
    await app.call(doctor, 'drafts.save', { kind: 'note', key: 'n', body: note('first version') });
    const result = await app.raw(doctor, 'drafts.save', {
      kind: 'note',
      key: 'n',
      body: note('é'.repeat(MAX_DRAFT_BYTES / 2)),
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { body: expect.stringMatching(/too long to keep \(201 KB; at most 200 KB\)\. Nothing was cut/) },
      },
    });
    expect((await app.call(doctor, 'drafts.get', { kind: 'note', key: 'n' }))?.body).toEqual(note('first version'));
    // Just under the limit is kept.
    const fits = 'x'.repeat(MAX_DRAFT_BYTES - JSON.stringify(note('')).length);
    await app.call(doctor, 'drafts.save', { kind: 'note', key: 'n', body: note(fits) });
    expect((await app.call(doctor, 'drafts.get', { kind: 'note', key: 'n' }))?.body).toEqual(note(fits));
  });

  it.each([
    ['an unknown kind', { kind: 'prescription', key: '', body: {} }, 'kind'],
    ['a body of another kind’s shape', { kind: 'registration', key: '', body: note('x') }, 'body.form'],
    [
      'an unknown field in the form',
      { kind: 'registration', key: '', body: { form: { ...form(), x: 1 } } },
      'body.form',
    ],
    ['a patient edit not keyed by a patient id', { kind: 'patientEdit', key: 'abc', body: {} }, 'key'],
    ['a key with a path in it', { kind: 'booking', key: '../../etc', body: {} }, 'key'],
    ['a sex the form cannot hold', { kind: 'registration', key: '', body: { form: form({ sex: 'x' as '' }) } }, 'body'],
  ])('with %s are refused as invalid, changing nothing', async (_what, input, field) => {
    const { desk } = await clinic();
    const before = counts();
    const result = await app.raw(desk, 'drafts.save', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const fields = Object.keys((result as { error: { fields: Record<string, string> } }).error.fields);
    expect(
      fields.some((f) => f.startsWith(field)),
      fields.join(', '),
    ).toBe(true);
    expect(counts()).toEqual(before);
  });

  it('of a registration go with the registration, in its transaction; a refused registration keeps them', async () => {
    const { desk } = await clinic();
    await app.call(desk, 'drafts.save', { kind: 'registration', key: '', body: { form: form() } });
    await app.call(desk, 'drafts.save', { kind: 'registration', key: 'booking', body: { form: form() } });
    // Refused in main's transaction (a likely duplicate): the draft stays for the person to decide.
    await app.call(desk, 'patients.register', { patient: patientInput() });
    const refused = await app.raw(desk, 'patients.register', { patient: patientInput(), draftKey: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'POSSIBLE_DUPLICATE' } });
    expect(app.count('drafts')).toBe(2);

    await app.call(desk, 'patients.register', { patient: patientInput(), confirmedNotDuplicate: true, draftKey: '' });
    expect(rows('SELECT kind, draft_key FROM drafts')).toEqual([{ kind: 'registration', draft_key: 'booking' }]);
    // Registering without naming a draft leaves the person's drafts alone.
    await app.call(desk, 'patients.register', { patient: patientInput(), confirmedNotDuplicate: true });
    expect(app.count('drafts')).toBe(1);
  });

  it('of a patient edit go with the saved edit, and only that person’s', async () => {
    const { admin, desk } = await clinic();
    const other = await addUser(app, admin, 'desk2', ['receptionist']);
    const patient = await app.call(desk, 'patients.register', { patient: patientInput() });
    const body = { form: form(), baseVersion: 1 };
    await app.call(desk, 'drafts.save', { kind: 'patientEdit', key: patient.id, body });
    await app.call(other, 'drafts.save', { kind: 'patientEdit', key: patient.id, body });

    const stale = await app.raw(desk, 'patients.update', {
      id: patient.id,
      version: 7,
      patient: patientInput({ notes: 'x' }),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(app.count('drafts')).toBe(2);

    await app.call(desk, 'patients.update', { id: patient.id, version: 1, patient: patientInput({ notes: 'x' }) });
    expect(await app.call(desk, 'drafts.get', { kind: 'patientEdit', key: patient.id })).toBeNull();
    expect(await app.call(other, 'drafts.get', { kind: 'patientEdit', key: patient.id })).not.toBeNull();
  });

  it('of a booking go with the booking or the series', async () => {
    book = await openBook();
    const { app: bookApp, desk, doctorId, patient } = book;
    const bookingForm: DraftBody<'booking'>['form'] = {
      patient: { id: patient.id, name: 'José García', mrn: patient.mrn },
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      length: '20',
      reason: 'Check-up',
      note: '',
      repeat: false,
      every: '1',
      unit: 'weeks',
      endKind: 'count',
      count: '4',
      until: '',
      overbook: false,
      overbookReason: '',
      outsideHours: false,
      outsideHoursReason: '',
      dstChoice: '',
    };
    const draftCount = () => bookApp.count('drafts');
    await bookApp.call(desk, 'drafts.save', { kind: 'booking', key: '', body: { form: bookingForm } });
    await bookApp.call(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      draftKey: '',
    });
    expect(draftCount()).toBe(0);

    await bookApp.call(desk, 'drafts.save', { kind: 'booking', key: '', body: { form: bookingForm } });
    // A clash is refused: the draft stays for the person to change the time.
    const clash = await bookApp.raw(desk, 'appointments.book', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-11',
      time: '09:00',
      draftKey: '',
    });
    expect(clash).toMatchObject({ ok: false });
    expect(draftCount()).toBe(1);
    await bookApp.call(desk, 'appointments.bookSeries', {
      patientId: patient.id,
      providerId: doctorId,
      date: '2026-03-12',
      time: '10:00',
      repeat: { every: 1, unit: 'weeks', count: 2 },
      draftKey: '',
    });
    expect(draftCount()).toBe(0);
  });
});
