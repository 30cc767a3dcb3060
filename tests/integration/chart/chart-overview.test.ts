import { afterEach, describe, expect, it } from 'vitest';
import { flushReadAudit } from '../../../electron/main/audit/read-audit';
import type { Actor } from '../../../electron/main/context';
import { LAB_REPORTS_PAGE } from '../../../shared/domain/lab-review';
import { VISITS_PAGE } from '../../../shared/domain/visit';
import { VITALS_PAGE } from '../../../shared/domain/vitals';
import { openPrintingBook, type PrintingBook as Book } from '../frontdesk/printing-book';
import { seedLabResults } from '../labs/lab-fixture';
import { CLINICAL_CANARY, seedChart } from './chart-seed';

let book: Book | undefined;
afterEach(() => {
  book?.app.close();
  book = undefined;
});

/** A clinic (Tuesday 2026-03-10 in Berlin) whose patient has a full chart, a lab report and a follow-up booked. */
async function chartedBook(): Promise<Book> {
  book = await openPrintingBook();
  const b = book;
  const doctor = b.admin.user!;
  const actor: Actor = { userId: doctor.userId, username: doctor.username, roles: doctor.roles };
  seedChart(b.app, actor, b.patient.id);
  seedLabResults(b.app, actor, b.patient.id, CLINICAL_CANARY);
  await b.app.call(b.desk, 'appointments.book', {
    patientId: b.patient.id,
    providerId: b.doctorId,
    date: '2026-03-17',
    time: '10:20',
    reason: 'Follow-up',
  });
  return b;
}

const overviewAudit = (b: Book) =>
  b.app.core.db.sqlite
    .prepare(
      `SELECT action, outcome, details FROM audit_log
       WHERE (patient_id = ? OR patient_id IS NULL) AND action IN ('chart.view', 'lab.result_view', 'appointment.view')
       ORDER BY seq`,
    )
    .all(b.patient.id);

describe('chart.overview', () => {
  it('answers for every panel what its own channel answers, in one call', async () => {
    const b = await chartedBook();
    const patientId = b.patient.id;
    const overview = await b.app.call(b.admin, 'chart.overview', { patientId });
    // Something of each kind is there, so the comparison below compares records, not empty lists.
    expect(overview.visits[0]!.notes[0]!.addenda).toHaveLength(1);
    expect(overview.vitals.total).toBe(1);
    expect(overview.problems).toHaveLength(2);
    expect(overview.allergies.status).toBe('recorded');
    expect(overview.medications.active).toHaveLength(1);
    expect(overview.immunizations).toHaveLength(1);
    expect(overview.history.entries).toHaveLength(1);
    expect(overview.upcoming.map((a) => a.reason)).toEqual(['Follow-up']);
    expect(overview.labReports.reports[0]!.priority).toBe('critical');

    const call = b.app.call.bind(b.app, b.admin);
    expect(overview).toEqual({
      visits: await call('visits.list', { patientId, limit: VISITS_PAGE }),
      vitals: await call('vitals.list', { patientId, limit: VITALS_PAGE, offset: 0 }),
      problems: await call('problems.list', { patientId }),
      allergies: await call('allergies.list', { patientId }),
      medications: await call('medications.list', { patientId }),
      immunizations: await call('immunizations.list', { patientId }),
      history: await call('history.get', { patientId }),
      upcoming: await call('appointments.upcomingForPatient', { patientId }),
      labReports: await call('labs.review.patientReports', { patientId, limit: LAB_REPORTS_PAGE }),
    });
  });

  it('is recorded as one view of the chart, with the lab reports and appointments it showed', async () => {
    const b = await chartedBook();
    flushReadAudit(b.app.core.ctx);
    const before = overviewAudit(b).length;
    await b.app.call(b.admin, 'chart.overview', { patientId: b.patient.id });
    flushReadAudit(b.app.core.ctx);
    expect(overviewAudit(b).slice(before)).toEqual([
      { action: 'chart.view', outcome: 'success', details: 'section: overview' },
      { action: 'lab.result_view', outcome: 'success', details: 'lab reports (1)' },
      { action: 'appointment.view', outcome: 'success', details: 'upcoming (1)' },
    ]);
  });

  it('refuses a deleted or unknown patient with NOT_FOUND, records the failed view, and shows nothing', async () => {
    const b = await chartedBook();
    b.app.core.db.sqlite
      .prepare("UPDATE patients SET deleted_at = '2026-03-10T08:00:00Z' WHERE id = ?")
      .run(b.patient.id);
    flushReadAudit(b.app.core.ctx);
    const before = overviewAudit(b).length;
    const gone = await b.app.raw(b.admin, 'chart.overview', { patientId: b.patient.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(gone)).not.toContain(CLINICAL_CANARY);
    const unknown = await b.app.raw(b.admin, 'chart.overview', { patientId: '0190c000-0000-7000-8000-000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    flushReadAudit(b.app.core.ctx);
    expect(overviewAudit(b).slice(before)).toEqual([
      { action: 'chart.view', outcome: 'failure', details: `section: overview; patient not found: ${b.patient.id}` },
      {
        action: 'chart.view',
        outcome: 'failure',
        details: 'section: overview; patient not found: 0190c000-0000-7000-8000-000000000000',
      },
    ]);
  });

  it('refuses a receptionist, says nothing of the chart, and records the refusal', async () => {
    const b = await chartedBook();
    const refused = await b.app.raw(b.desk, 'chart.overview', { patientId: b.patient.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(refused)).not.toContain(CLINICAL_CANARY);
    flushReadAudit(b.app.core.ctx);
    expect(
      b.app.core.db.sqlite
        .prepare("SELECT details FROM audit_log WHERE action = 'access.refused' ORDER BY seq DESC LIMIT 1")
        .get(),
    ).toEqual({ details: 'chart.overview: FORBIDDEN' });
  });

  it('refuses malformed input without reading anything', async () => {
    const b = await chartedBook();
    expect(await b.app.raw(b.admin, 'chart.overview', { patientId: 'not-an-id' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { patientId: expect.any(String) } },
    });
    expect(await b.app.raw(b.admin, 'chart.overview', { patientId: b.patient.id, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
