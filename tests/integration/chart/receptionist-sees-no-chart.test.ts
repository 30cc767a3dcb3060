import { afterEach, describe, expect, it } from 'vitest';
import { DOCTOR } from '../../../shared/access';
import { CHANNELS, contract, mayUse, type Channel } from '../../../shared/contract';
import type { Actor } from '../../../electron/main/context';
import { openPrintingBook, type PrintingBook as Book } from '../frontdesk/printing-book';
import { readPdf } from '../printing/read-pdf';
import { CLINICAL_CANARY, seedChart, seedPrescription } from './chart-seed';
import { seedLabResults } from '../labs/lab-fixture';

let book: Book | undefined;
afterEach(() => {
  book?.app.close();
  book = undefined;
});

const PASSWORD = 'quiet harbour lamp 1';

/**
 * What a receptionist sends on every channel they may call, in a clinic whose patient has a full
 * chart. A channel added to the contract without a line here fails the test, so the walk always
 * covers every channel the front desk can reach.
 */
function receptionistCalls(b: Book, visitDate: string): Record<string, unknown> {
  const p = b.patient.id;
  return {
    'app.status': {},
    'recovery.unlock': { recoveryKey: 'ABCDE' },
    'setup.complete': {
      clinic: { clinicName: 'Another', timeZone: 'Europe/Berlin', address: '', phone: '' },
      admin: { username: 'another', displayName: 'Another', password: 'another long password 1', alsoDoctor: true },
    },
    'auth.signIn': { username: 'desk', password: PASSWORD },
    'auth.changePassword': { currentPassword: 'not my password at all', newPassword: 'brand new words here 9' },
    'session.touch': {},
    'users.own': {},
    'settings.get': {},
    'backups.status': {},
    'patients.search': { text: b.patient.familyName },
    'patients.get': { id: p },
    'patients.checkDuplicates': {
      givenNames: b.patient.givenNames,
      familyName: b.patient.familyName,
      birthDate: b.patient.birthDate,
    },
    'patients.register': {
      patient: {
        givenNames: 'Lena',
        familyName: 'Vogel',
        sex: 'female',
        birth: { kind: 'date', date: '1991-05-05' },
        phones: [],
      },
    },
    'patients.update': { id: p, version: b.patient.version, patient: { givenNames: 'José María' } },
    'patients.history': { id: p },
    'providers.list': {},
    'providers.daysOff': { providerId: b.doctorId, from: visitDate, to: visitDate },
    'holidays.list': { from: visitDate, to: visitDate },
    'appointments.day': { date: visitDate },
    'appointments.week': { providerId: b.doctorId, startDate: visitDate },
    'appointments.get': { id: '' },
    'appointments.history': { id: '' },
    'appointments.upcomingForPatient': { patientId: p },
    'appointments.book': { patientId: p, providerId: b.doctorId, date: visitDate, time: '14:00' },
    'appointments.bookSeries': {},
    'appointments.walkIn': { patientId: p, providerId: b.doctorId },
    'appointments.reschedule': {},
    'appointments.update': {},
    'appointments.cancel': {},
    'appointments.markNoShow': {},
    'appointments.checkIn': {},
    'appointments.queue': { providerId: b.doctorId, date: visitDate },
    'appointments.today': {},
    'appointments.reminders': { date: visitDate },
    'appointments.remindersCsv': { date: visitDate },
    'drafts.save': { kind: 'booking', key: '', body: { patientId: p } },
    'drafts.get': { kind: 'note', key: '' },
    'drafts.list': {},
    'drafts.discard': { kind: 'booking', key: '' },
    'print.dayList': { providerId: b.doctorId, date: visitDate },
    'print.slip': { appointmentId: '' },
    'print.toPrinter': { kind: 'dayList', providerId: b.doctorId, date: visitDate },
    'preferences.get': {},
    'preferences.set': { key: 'vitals.units', value: 'us' },
    // Last: these end what the walk can do.
    'session.lock': {},
    'auth.signOut': {},
  };
}

function receptionistChannels(): Channel[] {
  return CHANNELS.filter((c) => mayUse(c, ['receptionist']));
}

async function textOf(value: unknown): Promise<string> {
  let text = JSON.stringify(value);
  // PDFs cross IPC as base64: read what they print.
  const pdf = (value as { pdfBase64?: string } | null)?.pdfBase64;
  if (pdf) text += (await readPdf(Buffer.from(pdf, 'base64'))).map((p) => p.text).join(' ');
  return text;
}

describe('receptionists never see clinical content', { timeout: 120_000 }, () => {
  it('every clinical channel is for doctors only', () => {
    // The lab catalogue holds no patient data: doctors and administrators keep it (checked below).
    const clinical = CHANNELS.filter(
      (c) =>
        (!c.startsWith('labs.catalogue.') &&
          /^(visits|notes|vitals|problems|diagnoses|icd10|allergies|medications|immunizations|history|fhir|chart|noteTemplates|noteSnippets|prescriptions|labs)\./.test(
            c,
          )) ||
        c.startsWith('print.visitSummary') ||
        c.startsWith('print.lab'),
    ).filter((c) => !c.startsWith('labs.catalogue.')); // doctors and administrators: checked below
    expect(clinical.length).toBeGreaterThan(10);
    for (const channel of clinical) expect(contract[channel].access, channel).toEqual(DOCTOR);
    expect(receptionistChannels().filter((c) => clinical.includes(c))).toEqual([]);
    // Lab orders, results and requisitions are clinical; the lab catalogue (no patient data) is
    // kept by doctors and administrators, never the front desk.
    const labs = CHANNELS.filter((c) => c.startsWith('labs.') || c.startsWith('print.lab'));
    expect(labs.length).toBeGreaterThan(8);
    for (const channel of labs)
      expect(contract[channel].access, channel).toEqual(
        channel.startsWith('labs.catalogue.') ? ['doctor', 'admin'] : DOCTOR,
      );
    expect(receptionistChannels().filter((c) => labs.includes(c))).toEqual([]);
  });

  it('no answer on any channel a receptionist may call shows a word of a patient’s chart, and every other channel refuses them, writing nothing', async () => {
    book = await openPrintingBook({ withPrinter: true }); // Tuesday 2026-03-10, 10:00 in Berlin; "desk" is a receptionist
    const b = book;
    const doctor = b.admin.user!;
    const actor: Actor = { userId: doctor.userId, username: doctor.username, roles: doctor.roles };
    // The desk books and checks the patient in; the doctor sees them and writes the chart.
    const booked = await b.app.call(b.desk, 'appointments.book', {
      patientId: b.patient.id,
      providerId: b.doctorId,
      date: '2026-03-10',
      time: '10:20',
      reason: 'Cough',
    });
    await b.app.call(b.desk, 'appointments.checkIn', { id: booked.id, version: 1 });
    const { visitId } = seedChart(b.app, actor, b.patient.id);
    const prescriptionId = seedPrescription(b.app, actor, visitId);
    const labOrder = await b.app.call(b.admin, 'labs.orders.create', {
      visitId,
      codes: ['XCBC'],
      labName: '',
      clinicalNote: `Query anaemia ${CLINICAL_CANARY}`,
    });
    const reportId = seedLabResults(b.app, actor, b.patient.id, CLINICAL_CANARY);

    const calls = receptionistCalls(b, '2026-03-10');
    calls['appointments.get'] = { id: booked.id };
    calls['appointments.history'] = { id: booked.id };
    calls['print.slip'] = { appointmentId: booked.id };
    // After check-in the appointment is at version 2; these try to change it (some are refused by the rules).
    calls['appointments.update'] = { id: booked.id, version: 2, reason: 'Cough, review', note: '' };
    calls['appointments.reschedule'] = { id: booked.id, version: 2, date: '2026-03-11', time: '09:00' };
    calls['appointments.markNoShow'] = { id: booked.id, version: 2 };
    calls['appointments.cancel'] = { id: booked.id, version: 2, reason: 'Feeling better' };
    calls['appointments.checkIn'] = { id: booked.id, version: 2 };
    const channels = receptionistChannels();
    expect(
      channels.filter((c) => !(c in calls)),
      'channels the walk does not call yet',
    ).toEqual([]);

    // Everything the chart holds is out of reach: every channel a receptionist may not call.
    const db = b.app.core.db.sqlite;
    const chartRows = () =>
      [
        'visits',
        'notes',
        'vitals',
        'problems',
        'allergies',
        'medications',
        'immunizations',
        'history_entries',
        'social_history',
        'prescriptions',
        'prescription_items',
        'rx_alert_overrides',
        'rx_favourites',
        'lab_tests',
        'lab_orders',
        'lab_order_tests',
        'lab_reports',
        'lab_results',
      ]
        .map((table) => db.prepare(`SELECT count(*) AS n, max(version) AS v FROM ${table}`).get() as object)
        .map((r) => JSON.stringify(r));
    const before = { chart: chartRows(), changes: b.app.count('change_log') };
    const refusedInputs = [
      {},
      { patientId: b.patient.id },
      { visitId },
      { id: visitId },
      { id: prescriptionId },
      { prescriptionId },
      { patientId: b.patient.id, measure: 'weight' },
      { orderId: labOrder.id },
      { code: 'XCBC' },
      { reportId },
      { patientId: b.patient.id, reportIds: [reportId] },
    ];
    for (const channel of CHANNELS.filter((c) => !channels.includes(c))) {
      for (const input of refusedInputs) {
        const answer = await b.app.raw(b.desk, channel, input);
        expect(answer.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
        expect(await textOf(answer), channel).not.toContain(CLINICAL_CANARY);
      }
    }
    expect({ chart: chartRows(), changes: b.app.count('change_log') }).toEqual(before);

    // The walk: every answer, refused or not, as text (PDFs read back), free of the chart.
    const answered: string[] = [];
    for (const channel of Object.keys(calls).filter((c) => channels.includes(c as Channel)) as Channel[]) {
      const session = channel === 'auth.signIn' || channel === 'setup.complete' ? b.app.core.newSession() : b.desk;
      const answer = await b.app.raw(session, channel, calls[channel]);
      if (answer.ok) answered.push(channel);
      expect(await textOf(answer), channel).not.toContain(CLINICAL_CANARY);
    }
    // The walk reached real answers, not only refusals.
    for (const channel of [
      'patients.get',
      'patients.history',
      'appointments.today',
      'appointments.queue',
      'print.dayList',
      'print.slip',
    ]) {
      expect(answered, channel).toContain(channel);
    }
  });
});
