import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppointmentSlipInput } from '../../../electron/main/printing/appointment-slip-document';
import type { DayListAppointment, DayListInput } from '../../../electron/main/printing/day-list-document';
import type { PaperSize } from '../../../electron/main/printing/page-setup';
import type { PrintClinic } from '../../../electron/main/printing/print-clinic';

export const FONTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'resources',
  'fonts',
);

export function sampleClinic(paperSize: PaperSize = 'A4'): PrintClinic {
  return {
    clinicName: 'Riverside Family Clinic',
    address: '12 Harbour Road, Kochi 682001',
    phone: '+91 484 555 0192',
    letterhead: 'Dr. Meera Nair MBBS MD (General Medicine) · Reg. No. KMC 45821 · Mon–Sat 09:00–17:00',
    timeZone: 'Asia/Kolkata',
    paperSize,
  };
}

/** Names a front desk really meets: accents, Greek, Cyrillic, Arabic, Hebrew, Japanese, Korean. */
export const PATIENT_NAMES = [
  'José García',
  'Zoë Ångström',
  'Алексей Смирнов',
  'Σοφία Παπαδοπούλου',
  '佐藤 美咲',
  'Nguyễn Thị Ánh',
  'محمد عبد الله',
  'דוד כהן',
  '김민준',
  'Łukasz Żółkiewski',
  'Siobhán Ní Bhriain',
  'Ana-María O’Connor-Núñez',
  'Ravi Shankar Subramanian',
  'Chidinma Okonkwo',
  'Søren Kierkegaard-Østergård',
  'François Lefèvre',
  'Mehmet Yılmaz',
  'Ngozi Adébáyọ̀',
  'Dragoș Ionescu',
  'Þórunn Guðmundsdóttir',
];

const VISITS = ['New visit', 'Follow-up', 'Review of results', 'Vaccination', 'Dressing change'];
const REASONS = [
  'Fever for 3 days',
  '',
  'Blood pressure check',
  'Diabetes review, bring glucose diary',
  'Cough and sore throat',
  '',
];
const STATUSES = ['Booked', 'Waiting', 'Booked', 'Done', 'Booked', 'Cancelled'];
const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/** 2026-03-10 is a Tuesday; 09:00 in Kolkata is 03:30 UTC. */
const DAY = '2026-03-10';
const FIRST_SLOT_UTC = Date.parse('2026-03-10T03:30:00.000Z');

/** `count` appointments, 10 minutes apart from 09:00 clinic time; every 5th is a walk-in with a token. */
export function sampleAppointments(count: number): DayListAppointment[] {
  return Array.from({ length: count }, (_, i) => {
    const start = FIRST_SLOT_UTC + i * 10 * 60_000;
    const walkIn = i % 5 === 4;
    return {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 10 * 60_000).toISOString(),
      token: walkIn ? Math.floor(i / 5) + 1 : null,
      patient: {
        name: PATIENT_NAMES[i % PATIENT_NAMES.length]!,
        mrn: `RFC-${String(100234 + i * 17).padStart(6, '0')}`,
        birthDate: i % 7 === 6 ? '' : `${1950 + ((i * 3) % 70)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
        birthDateEstimated: i % 9 === 3,
        sex: SEXES[i % SEXES.length]!,
        phone: i % 8 === 7 ? '' : `+91 98${String(4700000 + i * 1371).padStart(8, '0')}`,
      },
      visitType: VISITS[i % VISITS.length]!,
      reason: REASONS[i % REASONS.length]!,
      status: STATUSES[i % STATUSES.length]!,
    };
  });
}

export function sampleDayList(count = 40, paperSize: PaperSize = 'A4'): DayListInput {
  return {
    clinic: sampleClinic(paperSize),
    doctorName: 'Dr. Meera Nair',
    date: DAY,
    appointments: sampleAppointments(count),
    printedAt: '2026-03-10T02:45:00.000Z',
    printedBy: 'Anjali Menon',
  };
}

export function sampleSlip(paperSize: PaperSize = 'A5', patientName = 'Zoë Ångström'): AppointmentSlipInput {
  return {
    clinic: sampleClinic(paperSize),
    patient: { name: patientName, mrn: 'RFC-100251' },
    startsAt: '2026-03-12T05:00:00.000Z',
    endsAt: '2026-03-12T05:15:00.000Z',
    doctorName: 'Dr. Meera Nair',
    visitType: 'Follow-up',
    token: 7,
    note: 'Please arrive 10 minutes early and bring your previous prescriptions.',
    printedAt: '2026-03-10T06:12:00.000Z',
    printedBy: 'Anjali Menon',
  };
}
