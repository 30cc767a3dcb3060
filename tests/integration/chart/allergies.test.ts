import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../electron/main/ipc/session';
import type { ChannelInput } from '../../../shared/contract';
import { addUser, openTestApp, patientInput, setUpClinic, type TestApp } from '../support';

let app: TestApp;
let doctor: Session;
let reception: Session;

beforeAll(async () => {
  app = openTestApp();
  doctor = await setUpClinic(app);
  reception = await addUser(app, doctor, 'frontdesk', ['receptionist']);
});
afterAll(() => app.close());

async function newPatient(givenNames = 'Amina'): Promise<string> {
  return (
    await app.call(doctor, 'patients.register', {
      patient: patientInput({ givenNames, phones: [] }),
      confirmedNotDuplicate: true,
    })
  ).id;
}

const penicillin = (patientId: string): ChannelInput<'allergies.add'> => ({
  patientId,
  substance: 'Penicillin',
  substanceType: 'medication',
  reaction: 'Hives',
  severity: 'moderate',
  criticality: 'high',
  onsetDate: '2015-06-01',
});

describe('allergies', () => {
  it('starts as not recorded; records an allergy with its details, audited', async () => {
    const patientId = await newPatient();
    expect(await app.call(doctor, 'allergies.list', { patientId })).toEqual({
      status: 'not-recorded',
      allergies: [],
      nka: null,
    });
    const added = await app.call(doctor, 'allergies.add', penicillin(patientId));
    expect(added).toMatchObject({
      substance: 'Penicillin',
      substanceType: 'medication',
      reaction: 'Hives',
      severity: 'moderate',
      criticality: 'high',
      status: 'active',
      onsetDate: '2015-06-01',
      version: 1,
    });
    const list = await app.call(doctor, 'allergies.list', { patientId });
    expect(list.status).toBe('recorded');
    expect(list.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    flushReadAudit(app.core.ctx); // chart section reads are recorded through the read-audit buffer
    expect(
      app.core.db.sqlite
        .prepare(
          "SELECT action, details FROM audit_log WHERE patient_id = ? AND action LIKE 'allergy.%' OR (patient_id = ? AND action = 'chart.view') ORDER BY seq",
        )
        .all(patientId, patientId),
    ).toEqual([
      // The change is committed with itself; the two reads reach the log together at the buffer's flush.
      { action: 'allergy.add', details: 'medication: Penicillin' },
      { action: 'chart.view', details: 'allergies' },
      { action: 'chart.view', details: 'allergies' },
    ]);
  });

  it('records "No known allergies" with who and when; an allergy recorded later ends it in the same save', async () => {
    const patientId = await newPatient();
    expect(await app.call(doctor, 'allergies.recordNka', { patientId })).toBeNull();
    const nka = await app.call(doctor, 'allergies.list', { patientId });
    expect(nka).toMatchObject({
      status: 'nka',
      allergies: [],
      nka: { recordedBy: 'Dr Amara Okafor', recordedAt: '2026-03-10T09:00:00.000Z' },
    });
    const again = await app.raw(doctor, 'allergies.recordNka', { patientId });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/already recorded/) },
    });
    await app.call(doctor, 'allergies.add', { ...penicillin(patientId), substance: 'Peanuts', substanceType: 'food' });
    const after = await app.call(doctor, 'allergies.list', { patientId });
    expect(after.status).toBe('recorded');
    expect(after.nka).toBeNull();
    expect(
      app.core.db.sqlite
        .prepare("SELECT status, version, updated_at FROM allergies WHERE patient_id = ? AND kind = 'nka'")
        .all(patientId),
    ).toEqual([{ status: 'inactive', version: 2, updated_at: '2026-03-10T09:00:00.000Z' }]);
  });

  it('refuses "No known allergies" while an allergy is active, and allows it once none is', async () => {
    const patientId = await newPatient();
    const a = await app.call(doctor, 'allergies.add', penicillin(patientId));
    const before = app.count('allergies');
    const refused = await app.raw(doctor, 'allergies.recordNka', { patientId });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/active allergy/) },
    });
    expect(app.count('allergies')).toBe(before);
    const { id, version, ...fields } = a;
    const resolved = await app.call(doctor, 'allergies.update', {
      id,
      version,
      substance: fields.substance,
      substanceType: fields.substanceType,
      reaction: fields.reaction,
      severity: fields.severity,
      criticality: fields.criticality,
      onsetDate: fields.onsetDate,
      note: 'Tolerated amoxicillin in 2025',
      status: 'resolved',
    });
    expect(resolved).toMatchObject({ status: 'resolved', version: 2, note: 'Tolerated amoxicillin in 2025' });
    await app.call(doctor, 'allergies.recordNka', { patientId });
    const list = await app.call(doctor, 'allergies.list', { patientId });
    expect(list.status).toBe('nka');
    expect(list.allergies.map((x) => x.status)).toEqual(['resolved']);
  });

  it('refuses a stale version, a future onset, bad values, an unknown or deleted patient; nothing written', async () => {
    const patientId = await newPatient();
    const a = await app.call(doctor, 'allergies.add', penicillin(patientId));
    const edit = {
      id: a.id,
      version: 1,
      substance: 'Penicillin G',
      substanceType: 'medication' as const,
      reaction: 'Hives',
      severity: 'severe' as const,
      criticality: 'high' as const,
      onsetDate: '2015-06-01',
      note: '',
      status: 'active' as const,
    };
    await app.call(doctor, 'allergies.update', edit);
    const gone = await newPatient('Gone');
    app.core.db.sqlite.prepare('UPDATE patients SET deleted_at = ? WHERE id = ?').run('2026-03-10T08:00:00.000Z', gone);
    const before = app.count('allergies');
    const changes = app.count('change_log');
    expect(await app.raw(doctor, 'allergies.update', edit)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.raw(doctor, 'allergies.add', { ...penicillin(patientId), onsetDate: '2026-03-11' })).toMatchObject(
      {
        ok: false,
        error: { code: 'VALIDATION', fields: { onsetDate: expect.stringMatching(/after today/) } },
      },
    );
    expect(await app.raw(doctor, 'allergies.add', { ...penicillin(patientId), substance: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { substance: expect.any(String) } },
    });
    expect(await app.raw(doctor, 'allergies.add', { ...penicillin(patientId), substanceType: 'drug' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { substanceType: expect.any(String) } },
    });
    expect(
      await app.raw(doctor, 'allergies.add', { ...penicillin(patientId), reaction: 'x'.repeat(301) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reaction: expect.stringMatching(/at most 300/) } },
    });
    expect(await app.raw(doctor, 'allergies.add', { ...penicillin(patientId), severity: 'fatal' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { severity: expect.any(String) } },
    });
    expect(
      await app.raw(doctor, 'allergies.add', {
        ...penicillin(patientId),
        patientId: '01890000-0000-7000-8000-000000000000',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.raw(doctor, 'allergies.add', penicillin(gone))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.raw(doctor, 'allergies.recordNka', { patientId: gone })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(app.count('allergies')).toBe(before);
    expect(app.count('change_log')).toBe(changes);
  });
});

describe('receptionists', () => {
  it('are FORBIDDEN on every allergy channel, see nothing and write nothing', async () => {
    const patientId = await newPatient('Private');
    const a = await app.call(doctor, 'allergies.add', { ...penicillin(patientId), substance: 'Secretamine' });
    const tries: [string, unknown][] = [
      ['allergies.list', { patientId }],
      ['allergies.add', penicillin(patientId)],
      [
        'allergies.update',
        {
          id: a.id,
          version: 1,
          substance: 'X',
          substanceType: 'food',
          reaction: '',
          severity: null,
          criticality: null,
          onsetDate: null,
          note: '',
          status: 'inactive',
        },
      ],
      ['allergies.recordNka', { patientId }],
    ];
    const before = app.count('allergies');
    const changes = app.count('change_log');
    for (const [channel, input] of tries) {
      const result = await app.raw(reception, channel, input);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(result)).not.toMatch(/Secretamine/);
    }
    expect(app.count('allergies')).toBe(before);
    expect(app.count('change_log')).toBe(changes);
    // Nor does the patient record a receptionist opens carry any of it.
    const record = await app.call(reception, 'patients.get', { id: patientId });
    expect(JSON.stringify(record)).not.toMatch(/Secretamine|Penicillin|allerg/i);
  });
});
