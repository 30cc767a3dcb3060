import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Columns every clinic record carries so it can sync (docs/ARCHITECTURE.md, "Records").
 * Times are UTC ISO-8601 with milliseconds; ids are UUIDv7 generated on this device.
 */
const recordColumns = {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  createdBy: text('created_by').notNull(),
  updatedBy: text('updated_by').notNull(),
  version: integer('version').notNull().default(1),
  deletedAt: text('deleted_at'),
};

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

export const users = sqliteTable(
  'users',
  {
    ...recordColumns,
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** JSON array of roles; a person may hold several. */
    roles: text('roles').notNull(),
    disabledAt: text('disabled_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: text('locked_until'),
  },
  (t) => [uniqueIndex('users_username_unique').on(sql`lower(${t.username})`)],
);

export const patients = sqliteTable(
  'patients',
  {
    ...recordColumns,
    /** Device-local sequence: the FTS row id and the "most recent first" order. Never synced. */
    localSeq: integer('local_seq').notNull(),
    mrn: text('mrn').notNull(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    sex: text('sex').notNull(),
    genderIdentity: text('gender_identity').notNull().default(''),
    birthDate: text('birth_date').notNull(),
    birthDateEstimated: integer('birth_date_estimated', { mode: 'boolean' }).notNull().default(false),
    addressLine: text('address_line').notNull().default(''),
    city: text('city').notNull().default(''),
    region: text('region').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    country: text('country').notNull().default(''),
    emergencyName: text('emergency_name').notNull().default(''),
    emergencyRelationship: text('emergency_relationship').notNull().default(''),
    emergencyPhone: text('emergency_phone').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** Lower-cased, accent-folded "given family" for duplicate checks. */
    nameKey: text('name_key').notNull(),
  },
  (t) => [
    uniqueIndex('patients_mrn_unique').on(t.mrn),
    uniqueIndex('patients_local_seq_unique').on(t.localSeq),
    index('patients_name_key_birth_idx').on(t.nameKey, t.birthDate),
  ],
);

/**
 * What a search result row shows, one narrow row per live patient keyed by the device sequence
 * (the FTS row id), so a page of results is 25 primary-key reads instead of 25 index-then-row
 * reads of the wide patients table plus a phone lookup each. A local projection, never synced:
 * triggers in migration 0004 keep it equal to patients and their first phone in the same
 * transaction as every write, and it holds no row for a deleted patient (like patient_fts).
 */
export const patientCards = sqliteTable(
  'patient_cards',
  {
    seq: integer('seq').primaryKey(),
    patientId: text('patient_id').notNull(),
    mrn: text('mrn').notNull(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    sex: text('sex').notNull(),
    birthDate: text('birth_date').notNull(),
    birthDateEstimated: integer('birth_date_estimated', { mode: 'boolean' }).notNull(),
    /** The first phone's number as written, '' when the patient has none. */
    phone: text('phone').notNull(),
    /** patients.name_key: the folded names, for ranking whole-word matches without folding again. */
    nameKey: text('name_key').notNull(),
  },
  // Also covers patient id -> seq (an index on a rowid table carries the rowid).
  (t) => [uniqueIndex('patient_cards_patient_unique').on(t.patientId)],
);

/** Part of the patient record (FHIR Patient.telecom); the patient's version covers it. */
export const patientPhones = sqliteTable(
  'patient_phones',
  {
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    digits: text('digits').notNull(),
  },
  (t) => [
    index('patient_phones_digits_idx').on(t.digits),
    // Covers "first phone of a patient" in search summaries: no sort, no table read.
    index('patient_phones_patient_idx').on(t.patientId, t.position, t.number),
  ],
);

/**
 * Search keys for phones, so a number is found however it is typed: with or without the country
 * code or a trunk zero ("+34 600 123 456" is found by "600 12", "0034600" and "34600").
 */
export const patientPhoneKeys = sqliteTable(
  'patient_phone_keys',
  {
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    key: text('key').notNull(),
    /** The patient's local_seq, so a prefix lookup sorts newest first from the index alone. Never synced. */
    seq: integer('seq').notNull().default(0),
  },
  // Covering both ways: prefix lookups by key return sequence numbers and patient ids from the index alone.
  (t) => [
    index('patient_phone_keys_key_idx').on(t.key, t.seq, t.patientId),
    index('patient_phone_keys_patient_idx').on(t.patientId, t.key),
  ],
);

/** Part of the patient record (FHIR Patient.identifier). One identifier belongs to one patient. */
export const patientIdentifiers = sqliteTable(
  'patient_identifiers',
  {
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    position: integer('position').notNull(),
    system: text('system').notNull(),
    value: text('value').notNull(),
    systemKey: text('system_key').notNull(),
    valueKey: text('value_key').notNull(),
    /** The patient's local_seq, so a prefix lookup sorts newest first from the index alone. Never synced. */
    seq: integer('seq').notNull().default(0),
  },
  (t) => [
    uniqueIndex('patient_identifiers_unique').on(t.systemKey, t.valueKey),
    index('patient_identifiers_value_idx').on(t.valueKey, t.seq, t.patientId),
    index('patient_identifiers_patient_idx').on(t.patientId, t.valueKey),
  ],
);

/** One row per version of a patient: who changed which fields, when. */
export const patientHistory = sqliteTable(
  'patient_history',
  {
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    version: integer('version').notNull(),
    changedAt: text('changed_at').notNull(),
    changedBy: text('changed_by').notNull(),
    /** JSON array of { field, from, to }. */
    changes: text('changes').notNull(),
  },
  (t) => [uniqueIndex('patient_history_patient_version').on(t.patientId, t.version)],
);

export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    operation: text('operation').notNull(),
    version: integer('version').notNull(),
    changedAt: text('changed_at').notNull(),
    userId: text('user_id'),
  },
  (t) => [index('change_log_entity_idx').on(t.entity, t.entityId)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username').notNull(),
    action: text('action').notNull(),
    patientId: text('patient_id'),
    outcome: text('outcome').notNull(),
    details: text('details').notNull().default(''),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
    index('audit_log_patient_idx').on(t.patientId, t.at),
  ],
);

/**
 * A doctor's weekly working hours and default appointment length (FHIR PractitionerRole.availableTime).
 * One record per doctor; the hours are one value, versioned together.
 */
export const providerSchedules = sqliteTable(
  'provider_schedules',
  {
    ...recordColumns,
    providerId: text('provider_id')
      .notNull()
      .references(() => users.id),
    defaultLengthMinutes: integer('default_length_minutes').notNull(),
    /** JSON array of { weekday (1 = Monday ... 7 = Sunday), start 'HH:MM', end 'HH:MM' } in clinic time. */
    weeklyHours: text('weekly_hours').notNull(),
  },
  (t) => [uniqueIndex('provider_schedules_provider_unique').on(t.providerId)],
);

/** A day a doctor does not work (FHIR PractitionerRole.notAvailable). */
export const providerDaysOff = sqliteTable(
  'provider_days_off',
  {
    ...recordColumns,
    providerId: text('provider_id')
      .notNull()
      .references(() => users.id),
    /** Clinic-local calendar date. */
    date: text('date').notNull(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [index('provider_days_off_provider_date_idx').on(t.providerId, t.date)],
);

/** A day the whole clinic is closed. */
export const clinicHolidays = sqliteTable(
  'clinic_holidays',
  {
    ...recordColumns,
    date: text('date').notNull(),
    name: text('name').notNull(),
  },
  (t) => [index('clinic_holidays_date_idx').on(t.date)],
);

/** A repeating booking: every N days, weeks or months, ending after a count or on a date. */
export const appointmentSeries = sqliteTable('appointment_series', {
  ...recordColumns,
  patientId: text('patient_id')
    .notNull()
    .references(() => patients.id),
  providerId: text('provider_id')
    .notNull()
    .references(() => users.id),
  every: integer('every').notNull(),
  /** 'days' | 'weeks' | 'months' */
  unit: text('unit').notNull(),
  count: integer('count'),
  untilDate: text('until_date'),
  firstDate: text('first_date').notNull(),
  localTime: text('local_time').notNull(),
  lengthMinutes: integer('length_minutes').notNull(),
});

/** An appointment or walk-in (FHIR Appointment). Times are UTC instants; clinic_date is the clinic-local day. */
export const appointments = sqliteTable(
  'appointments',
  {
    ...recordColumns,
    patientId: text('patient_id')
      .notNull()
      .references(() => patients.id),
    providerId: text('provider_id')
      .notNull()
      .references(() => users.id),
    startUtc: text('start_utc').notNull(),
    endUtc: text('end_utc').notNull(),
    lengthMinutes: integer('length_minutes').notNull(),
    clinicDate: text('clinic_date').notNull(),
    /** 'appointment' | 'walk_in' */
    kind: text('kind').notNull(),
    /** 'booked' | 'arrived' | 'with_doctor' | 'done' | 'no_show' | 'cancelled' */
    status: text('status').notNull(),
    reason: text('reason').notNull().default(''),
    note: text('note').notNull().default(''),
    overbookReason: text('overbook_reason'),
    outsideHoursReason: text('outside_hours_reason'),
    /** Queue number for the clinic day, given on arrival. */
    token: integer('token'),
    arrivedAt: text('arrived_at'),
    withDoctorAt: text('with_doctor_at'),
    doneAt: text('done_at'),
    noShowAt: text('no_show_at'),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason'),
    seriesId: text('series_id').references(() => appointmentSeries.id),
    seriesIndex: integer('series_index'),
  },
  (t) => [
    index('appointments_provider_start_idx').on(t.providerId, t.startUtc),
    index('appointments_clinic_date_idx').on(t.clinicDate, t.status),
    index('appointments_patient_idx').on(t.patientId, t.startUtc),
    index('appointments_series_idx').on(t.seriesId, t.startUtc),
    uniqueIndex('appointments_token_unique').on(t.clinicDate, t.token),
  ],
);

/** One row per version of an appointment: what happened and which fields changed. */
export const appointmentHistory = sqliteTable(
  'appointment_history',
  {
    appointmentId: text('appointment_id')
      .notNull()
      .references(() => appointments.id),
    version: integer('version').notNull(),
    changedAt: text('changed_at').notNull(),
    changedBy: text('changed_by').notNull(),
    /** What happened: booked, rescheduled, cancelled, arrived, ... */
    action: text('action').notNull(),
    /** JSON array of { field, from, to }. */
    changes: text('changes').notNull(),
  },
  (t) => [uniqueIndex('appointment_history_appointment_version').on(t.appointmentId, t.version)],
);
