import { userKind } from '../accounts/user-kind';
import {
  appointmentKind,
  appointmentSeriesKind,
  clinicHolidayKind,
  providerDayOffKind,
  providerScheduleKind,
} from '../appointments/appointment-kinds';
import { patientKind } from '../patients/patient-kind';
import { CHART_KINDS } from '../chart/chart-kinds';
import { RX_KINDS } from '../rx/prescriptions/prescription-kinds';
import { RX_FORMULARY_KINDS } from '../rx/formulary/formulary-kinds';
import { LAB_KINDS } from '../labs/lab-kinds';
import type Database from 'better-sqlite3';
import { clinicSettingsKind } from '../settings/clinic-settings-kind';
import type { RecordKind } from './record-kind';

/**
 * Every kind of clinic record, declared in its feature's folder and listed here once: the names
 * change_log.entity may hold, and what sync and merge walk.
 */
export const RECORD_KINDS: readonly RecordKind[] = [
  userKind,
  patientKind,
  providerScheduleKind,
  providerDayOffKind,
  clinicHolidayKind,
  appointmentSeriesKind,
  appointmentKind,
  clinicSettingsKind,
  ...CHART_KINDS,
  ...RX_KINDS,
  ...RX_FORMULARY_KINDS,
  ...LAB_KINDS,
];

export function recordKindNamed(name: string): RecordKind | undefined {
  return RECORD_KINDS.find((k) => k.name === name);
}

/**
 * Makes record_kinds hold every registered kind (run at start, after migrations): the change log's
 * trigger refuses an entity that is not one, so a kind added in code is accepted without a migration.
 */
export function registerRecordKinds(db: Database.Database): void {
  const insert = db.prepare('INSERT OR IGNORE INTO record_kinds (name) VALUES (?)');
  db.transaction(() => {
    for (const kind of RECORD_KINDS) insert.run(kind.name);
  })();
}
