/**
 * The names of the IPC channels and events, without their zod schemas. The sandboxed preload
 * imports only this, so it stays a few hundred bytes instead of inlining zod and every domain
 * schema. tests/unit/shell/channels.test.ts fails if this list and shared/contract.ts drift apart.
 */
export const CHANNEL_NAMES = [
  'app.status',
  'recovery.unlock',
  'setup.complete',
  'auth.signIn',
  'auth.signOut',
  'auth.changePassword',
  'session.touch',
  'session.lock',
  'users.list',
  'users.create',
  'users.update',
  'users.resetPassword',
  'users.setDisabled',
  'settings.get',
  'settings.update',
  'security.recoveryKey',
  'backups.status',
  'backups.list',
  'backups.setFolder',
  'backups.run',
  'backups.restore',
  'patients.search',
  'patients.get',
  'patients.checkDuplicates',
  'patients.register',
  'patients.update',
  'patients.history',
  'audit.list',
  'audit.exportCsv',
  'audit.integrity',
  'audit.verify',
  'providers.list',
  'providers.setSchedule',
  'providers.daysOff',
  'providers.addDayOff',
  'providers.removeDayOff',
  'holidays.list',
  'holidays.add',
  'holidays.remove',
  'appointments.day',
  'appointments.week',
  'appointments.get',
  'appointments.history',
  'appointments.upcomingForPatient',
  'appointments.book',
  'appointments.bookSeries',
  'appointments.walkIn',
  'appointments.reschedule',
  'appointments.update',
  'appointments.cancel',
  'appointments.markNoShow',
  'appointments.checkIn',
  'appointments.advance',
  'appointments.callNext',
  'appointments.queue',
  'appointments.today',
  'appointments.reminders',
  'appointments.remindersCsv',
  'drafts.save',
  'drafts.get',
  'drafts.list',
  'drafts.discard',
  'print.dayList',
  'print.slip',
  'print.toPrinter',
  'print.visitSummary',
  'print.visitSummaryToPrinter',
  // The printed prescription (issue 10): shared/rx-contract/print.ts.
  'users.own',
  'users.updateOwnCredentials',
  'print.prescription',
  'print.prescriptionToPrinter',
  // The chart overview's first read of every panel (shared/chart-contract/overview.ts)
  'chart.overview',
  // The chart: visits and notes (shared/chart-contract/visits.ts)
  'visits.start',
  'visits.finish',
  'visits.list',
  'notes.save',
  'notes.addAddendum',
  'notes.unsigned',
  'noteTemplates.list',
  'noteTemplates.save',
  'noteSnippets.list',
  'noteSnippets.save',

  // The chart: vital signs (shared/chart-contract/vitals.ts)
  'vitals.record',
  'vitals.update',
  'vitals.list',
  'vitals.trend',
  'vitals.growth',

  // The chart: problems, diagnoses and allergies (shared/chart-contract/problems.ts)
  'diagnoses.search',
  'diagnoses.release',
  'diagnoses.importRelease',
  'problems.list',
  'problems.add',
  'problems.update',
  'problems.resolve',
  'problems.reactivate',
  'allergies.list',
  'allergies.add',
  'allergies.update',
  'allergies.recordNka',

  // The chart: medications, immunizations and history (shared/chart-contract/medications.ts)
  'medications.list',
  'medications.add',
  'medications.update',
  'medications.stop',
  'medications.reconcile',
  'immunizations.list',
  'immunizations.searchVaccines',
  'immunizations.add',
  'immunizations.update',
  'history.get',
  'history.addEntry',
  'history.updateEntry',
  'history.removeEntry',
  'history.saveSocial',

  // The chart: FHIR R4 export (shared/chart-contract/fhir.ts)
  'fhir.exportPatient',

  // The audit screen's patient filter (shared/audit-contract/find-patient.ts)
  'audit.findPatient',
  // Prescriptions (issue 10, rx-core: shared/rx-contract/prescriptions.ts)
  'prescriptions.createDraft',
  'prescriptions.get',
  'prescriptions.list',
  'prescriptions.patientContext',
  'prescriptions.addItem',
  'prescriptions.updateItem',
  'prescriptions.removeItem',
  'prescriptions.overrideAlert',
  'prescriptions.sign',
  'prescriptions.cancel',
  'prescriptions.change',
  'prescriptions.repeatLast',
  'prescriptions.renewChronic',
  'prescriptions.favourites',
  'prescriptions.saveFavourite',
  'prescriptions.removeFavourite',
  'rxReport.alerts',
  // Prescriptions: the drug catalogue and the clinic's formulary (shared/rx-contract/drugs.ts)
  'rx.drugs.search',
  'rx.drugs.favourite',
  'rx.formulary.list',
  'rx.formulary.add',
  'rx.formulary.update',
  'rx.formulary.remove',
  'rx.formulary.importCsv',
  // Lab orders, the test catalogue and results entered by hand (shared/lab-contract/orders.ts)
  'labs.catalogue.search',
  'labs.catalogue.get',
  'labs.catalogue.add',
  'labs.catalogue.update',
  'labs.orders.create',
  'labs.orders.list',
  'labs.orders.get',
  'labs.orders.collect',
  'labs.orders.cancel',
  'labs.results.enter',
  'print.labRequisition',
  'print.labRequisitionToPrinter',
  // Lab results: imports and the reconciliation list (shared/lab-contract/imports.ts)
  'labs.import',
  'labs.import.progress',
  'labs.unmatched.list',
  'labs.unmatched.assign',
  'labs.unmatched.dismiss',
  // Per-user preferences (shared/preferences-contract/preferences.ts)
  'preferences.get',
  'preferences.set',
  // Reviewing lab results: inbox, trends, the printed results (shared/lab-contract/review.ts)
  'labs.review.inbox',
  'labs.review.counts',
  'labs.review.acknowledge',
  'labs.review.report',
  'labs.review.patientReports',
  'labs.review.trend',
  'labs.review.cumulative',
  'print.labResults',
  'print.labResultsToPrinter',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Events main pushes to the renderer; mirrors EVENTS in shared/contract.ts. */
export const EVENT_NAMES = ['session.locked', 'session.signedOut', 'menu.command'] as const;

export type EventName = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && channelSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
