import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Columns every clinic record carries so it can sync (docs/ARCHITECTURE.md, "Records").
 * Times are UTC ISO-8601 with milliseconds; ids are UUIDv7 generated on this device.
 */
const recordColumns = {
  id: text('id').primaryKey(),
  created_at: text('created_at').notNull(),
  updated_at: text('updated_at').notNull(),
  created_by: text('created_by').notNull(),
  updated_by: text('updated_by').notNull(),
  version: integer('version').notNull().default(1),
  deleted_at: text('deleted_at'),
};

/**
 * Key/value settings before migration 0006, which moved the clinic's settings to clinic_settings
 * and this laptop's own values to device_state. Kept (empty) because migrations never drop.
 */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updated_at: text('updated_at').notNull(),
  updated_by: text('updated_by'),
});

/**
 * What belongs to this laptop only and never syncs: its device id, its MRN prefix and sequence,
 * its printer and window. Key/value, read through settings/device-state.ts.
 */
export const deviceState = sqliteTable('device_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updated_at: text('updated_at').notNull(),
});

/** The clinic's settings (name, letterhead, time zone, ...): one versioned record, to sync later. */
export const clinicSettings = sqliteTable('clinic_settings', {
  ...recordColumns,
  /** JSON of ClinicSettings (shared/domain/settings.ts), validated on every read. */
  value: text('value').notNull(),
});

/** The registered kinds of record (records/record-kinds.ts), filled at start: change_log.entity must be one. */
export const recordKinds = sqliteTable('record_kinds', {
  name: text('name').primaryKey(),
});

export const users = sqliteTable(
  'users',
  {
    ...recordColumns,
    username: text('username').notNull(),
    display_name: text('display_name').notNull(),
    password_hash: text('password_hash').notNull(),
    /** JSON array of roles; a person may hold several. */
    roles: text('roles').notNull(),
    disabled_at: text('disabled_at'),
    failed_attempts: integer('failed_attempts').notNull().default(0),
    locked_until: text('locked_until'),
    /** Raised when the password is reset or the account disabled: sessions from an older epoch end. */
    session_epoch: integer('session_epoch').notNull().default(0),
    /** Set when an admin chose the password: the person must choose their own at the next sign-in. */
    must_change_password: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    /** A doctor's qualifications as printed on prescriptions ("MBBS, MD (Medicine)"); '' when none. (issue 10) */
    qualifications: text('qualifications').notNull().default(''),
    /** A doctor's medical council registration number, printed on prescriptions; '' when none. (issue 10) */
    registration_number: text('registration_number').notNull().default(''),
  },
  (t) => [uniqueIndex('users_username_unique').on(sql`lower(${t.username})`)],
);

export const patients = sqliteTable(
  'patients',
  {
    ...recordColumns,
    /** Device-local sequence: the FTS row id and the "most recent first" order. Never synced. */
    local_seq: integer('local_seq').notNull(),
    mrn: text('mrn').notNull(),
    given_names: text('given_names').notNull(),
    family_name: text('family_name').notNull(),
    sex: text('sex').notNull(),
    gender_identity: text('gender_identity').notNull().default(''),
    birth_date: text('birth_date').notNull(),
    birth_date_estimated: integer('birth_date_estimated', { mode: 'boolean' }).notNull().default(false),
    address_line: text('address_line').notNull().default(''),
    city: text('city').notNull().default(''),
    region: text('region').notNull().default(''),
    postal_code: text('postal_code').notNull().default(''),
    country: text('country').notNull().default(''),
    emergency_name: text('emergency_name').notNull().default(''),
    emergency_relationship: text('emergency_relationship').notNull().default(''),
    emergency_phone: text('emergency_phone').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** Lower-cased, accent-folded "given family" for duplicate checks. */
    name_key: text('name_key').notNull(),
    /**
     * The name in Latin letters for a patient registered in another script ("Priya Sharma" for
     * प्रिया शर्मा), optional; search finds the patient by it (indexed in patient_fts with the names).
     */
    latin_name: text('latin_name').notNull().default(''),
  },
  (t) => [
    uniqueIndex('patients_mrn_unique').on(t.mrn),
    uniqueIndex('patients_local_seq_unique').on(t.local_seq),
    index('patients_name_key_birth_idx').on(t.name_key, t.birth_date),
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
    patient_id: text('patient_id').notNull(),
    mrn: text('mrn').notNull(),
    given_names: text('given_names').notNull(),
    family_name: text('family_name').notNull(),
    sex: text('sex').notNull(),
    birth_date: text('birth_date').notNull(),
    birth_date_estimated: integer('birth_date_estimated').notNull(),
    /** The first phone's number as written, '' when the patient has none. */
    phone: text('phone').notNull(),
    /** patients.name_key: the folded names, for ranking whole-word matches without folding again. */
    name_key: text('name_key').notNull(),
  },
  // Also covers patient id -> seq (an index on a rowid table carries the rowid).
  (t) => [uniqueIndex('patient_cards_patient_unique').on(t.patient_id)],
);

/** Part of the patient record (FHIR Patient.telecom); the patient's version covers it. */
export const patientPhones = sqliteTable(
  'patient_phones',
  {
    patient_id: text('patient_id')
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
    index('patient_phones_patient_idx').on(t.patient_id, t.position, t.number),
  ],
);

/**
 * Search keys for phones, so a number is found however it is typed: with or without the country
 * code or a trunk zero ("+34 600 123 456" is found by "600 12", "0034600" and "34600").
 */
export const patientPhoneKeys = sqliteTable(
  'patient_phone_keys',
  {
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    key: text('key').notNull(),
    /** The patient's local_seq, so a prefix lookup sorts newest first from the index alone. Never synced. */
    seq: integer('seq').notNull().default(0),
  },
  // Covering both ways: prefix lookups by key return sequence numbers and patient ids from the index alone.
  (t) => [
    index('patient_phone_keys_key_idx').on(t.key, t.seq, t.patient_id),
    index('patient_phone_keys_patient_idx').on(t.patient_id, t.key),
  ],
);

/** Part of the patient record (FHIR Patient.identifier). One identifier belongs to one patient. */
export const patientIdentifiers = sqliteTable(
  'patient_identifiers',
  {
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    position: integer('position').notNull(),
    system: text('system').notNull(),
    value: text('value').notNull(),
    system_key: text('system_key').notNull(),
    value_key: text('value_key').notNull(),
    /** The patient's local_seq, so a prefix lookup sorts newest first from the index alone. Never synced. */
    seq: integer('seq').notNull().default(0),
  },
  (t) => [
    uniqueIndex('patient_identifiers_unique').on(t.system_key, t.value_key),
    index('patient_identifiers_value_idx').on(t.value_key, t.seq, t.patient_id),
    index('patient_identifiers_patient_idx').on(t.patient_id, t.value_key),
  ],
);

/** One row per version of a patient: who changed which fields, when. */
export const patientHistory = sqliteTable(
  'patient_history',
  {
    /** Its own UUID, and the device that wrote it: two laptops that both wrote version 2 keep both rows. */
    id: text('id'),
    device_id: text('device_id'),
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    version: integer('version').notNull(),
    changed_at: text('changed_at').notNull(),
    changed_by: text('changed_by').notNull(),
    /** JSON array of { field, from, to }. */
    changes: text('changes').notNull(),
  },
  (t) => [
    uniqueIndex('patient_history_id_unique').on(t.id),
    uniqueIndex('patient_history_patient_version_device').on(t.patient_id, t.version, t.device_id),
  ],
);

export const changeLog = sqliteTable(
  'change_log',
  {
    /** This device's order of its log; merged rows get the next local numbers. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** The entry's own id, the same on every laptop it reaches. */
    uuid: text('uuid'),
    device_id: text('device_id'),
    entity: text('entity').notNull(),
    entity_id: text('entity_id').notNull(),
    operation: text('operation').notNull(),
    version: integer('version').notNull(),
    changed_at: text('changed_at').notNull(),
    user_id: text('user_id'),
  },
  (t) => [index('change_log_entity_idx').on(t.entity, t.entity_id), uniqueIndex('change_log_uuid_unique').on(t.uuid)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** The entry's own id, the same on every laptop it reaches. */
    uuid: text('uuid'),
    device_id: text('device_id'),
    at: text('at').notNull(),
    user_id: text('user_id'),
    username: text('username').notNull(),
    action: text('action').notNull(),
    patient_id: text('patient_id'),
    outcome: text('outcome').notNull(),
    details: text('details').notNull().default(''),
    /**
     * HMAC-SHA256 (hex) of this entry's content, the patients it showed and the previous entry's
     * mac, keyed by the clinic's audit key, which is never in this file (audit/audit-chain.ts).
     */
    mac: text('mac'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_user_idx').on(t.user_id, t.at),
    index('audit_log_patient_idx').on(t.patient_id, t.at),
    uniqueIndex('audit_log_uuid_unique').on(t.uuid),
  ],
);

/**
 * Which patients an audit entry showed when it showed several (a search page, a day list, a
 * printout): the audit screen's patient filter finds the entry through this. Append-only like the
 * audit log (triggers in migration 0007).
 */
export const auditLogPatients = sqliteTable(
  'audit_log_patients',
  {
    audit_uuid: text('audit_uuid').notNull(),
    patient_id: text('patient_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.patient_id, t.audit_uuid] })],
);

/**
 * A doctor's weekly working hours and default appointment length (FHIR PractitionerRole.availableTime).
 * One record per doctor; the hours are one value, versioned together.
 */
export const providerSchedules = sqliteTable(
  'provider_schedules',
  {
    ...recordColumns,
    provider_id: text('provider_id')
      .notNull()
      .references(() => users.id),
    default_length_minutes: integer('default_length_minutes').notNull(),
    /** JSON array of { weekday (1 = Monday ... 7 = Sunday), start 'HH:MM', end 'HH:MM' } in clinic time. */
    weekly_hours: text('weekly_hours').notNull(),
  },
  (t) => [uniqueIndex('provider_schedules_provider_unique').on(t.provider_id)],
);

/** A day a doctor does not work (FHIR PractitionerRole.notAvailable). */
export const providerDaysOff = sqliteTable(
  'provider_days_off',
  {
    ...recordColumns,
    provider_id: text('provider_id')
      .notNull()
      .references(() => users.id),
    /** Clinic-local calendar date. */
    date: text('date').notNull(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [index('provider_days_off_provider_date_idx').on(t.provider_id, t.date)],
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
  patient_id: text('patient_id')
    .notNull()
    .references(() => patients.id),
  provider_id: text('provider_id')
    .notNull()
    .references(() => users.id),
  every: integer('every').notNull(),
  /** 'days' | 'weeks' | 'months' */
  unit: text('unit').notNull(),
  count: integer('count'),
  until_date: text('until_date'),
  first_date: text('first_date').notNull(),
  local_time: text('local_time').notNull(),
  length_minutes: integer('length_minutes').notNull(),
});

/** An appointment or walk-in (FHIR Appointment). Times are UTC instants; clinic_date is the clinic-local day. */
export const appointments = sqliteTable(
  'appointments',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    provider_id: text('provider_id')
      .notNull()
      .references(() => users.id),
    start_utc: text('start_utc').notNull(),
    end_utc: text('end_utc').notNull(),
    length_minutes: integer('length_minutes').notNull(),
    clinic_date: text('clinic_date').notNull(),
    /** 'appointment' | 'walk_in' */
    kind: text('kind').notNull(),
    /** 'booked' | 'arrived' | 'with_doctor' | 'done' | 'no_show' | 'cancelled' */
    status: text('status').notNull(),
    reason: text('reason').notNull().default(''),
    note: text('note').notNull().default(''),
    overbook_reason: text('overbook_reason'),
    outside_hours_reason: text('outside_hours_reason'),
    /** Queue number for the clinic day, given on arrival. */
    token: integer('token'),
    /** The device that gave the token: each laptop numbers its own arrivals, so merged days never clash. */
    token_device: text('token_device'),
    arrived_at: text('arrived_at'),
    with_doctor_at: text('with_doctor_at'),
    done_at: text('done_at'),
    no_show_at: text('no_show_at'),
    cancelled_at: text('cancelled_at'),
    cancel_reason: text('cancel_reason'),
    series_id: text('series_id').references(() => appointmentSeries.id),
    series_index: integer('series_index'),
  },
  (t) => [
    index('appointments_provider_start_idx').on(t.provider_id, t.start_utc),
    index('appointments_clinic_date_idx').on(t.clinic_date, t.status),
    index('appointments_patient_idx').on(t.patient_id, t.start_utc),
    index('appointments_series_idx').on(t.series_id, t.start_utc),
    uniqueIndex('appointments_token_device_unique').on(t.clinic_date, t.token_device, t.token),
  ],
);

/** One row per version of an appointment: what happened and which fields changed. */
export const appointmentHistory = sqliteTable(
  'appointment_history',
  {
    /** Its own UUID, and the device that wrote it: two laptops that both wrote version 2 keep both rows. */
    id: text('id'),
    device_id: text('device_id'),
    appointment_id: text('appointment_id')
      .notNull()
      .references(() => appointments.id),
    version: integer('version').notNull(),
    changed_at: text('changed_at').notNull(),
    changed_by: text('changed_by').notNull(),
    /** What happened: booked, rescheduled, cancelled, arrived, ... */
    action: text('action').notNull(),
    /** JSON array of { field, from, to }. */
    changes: text('changes').notNull(),
  },
  (t) => [
    uniqueIndex('appointment_history_id_unique').on(t.id),
    uniqueIndex('appointment_history_appointment_version_device').on(t.appointment_id, t.version, t.device_id),
  ],
);

/**
 * What someone was typing and has not saved yet (a registration, a patient edit, a booking, a note),
 * one row per user, kind and key. Kept in the encrypted database so nothing typed is lost and
 * nothing readable is left in the browser profile. A device-local convenience, never synced.
 */
export const drafts = sqliteTable(
  'drafts',
  {
    user_id: text('user_id')
      .notNull()
      .references(() => users.id),
    /** What the draft is of, e.g. 'patient.register', 'patient.edit', 'appointment.book'. */
    kind: text('kind').notNull(),
    /** Which one: '' for a new record, else the record's id. */
    draft_key: text('draft_key').notNull(),
    /** JSON of the form's values, as typed. */
    body: text('body').notNull(),
    updated_at: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.user_id, t.kind, t.draft_key] })],
);

// ---------------------------------------------------------------------------------------------
// The clinical record (issue "The doctor's chart"). Every table is a record kind (...recordColumns)
// about one patient; doctors only (shared/access.ts DOCTOR). Times are UTC instants, *_date columns
// clinic-local calendar dates. Measurements are stored in canonical UCUM units.
// ---------------------------------------------------------------------------------------------

/** A visit (FHIR Encounter): started from an appointment or queue entry, or on its own; in progress, then finished. */
export const visits = sqliteTable(
  'visits',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    provider_id: text('provider_id')
      .notNull()
      .references(() => users.id),
    /** The appointment or walk-in it came from; finishing the visit marks that one done. */
    appointment_id: text('appointment_id').references(() => appointments.id),
    /** 'in_progress' | 'finished' */
    status: text('status').notNull(),
    started_at: text('started_at').notNull(),
    finished_at: text('finished_at'),
    reason: text('reason').notNull().default(''),
  },
  (t) => [
    index('visits_patient_started_idx').on(t.patient_id, t.started_at),
    index('visits_provider_status_idx').on(t.provider_id, t.status),
    index('visits_appointment_idx').on(t.appointment_id),
  ],
);

/**
 * A clinical note (FHIR Composition): SOAP sections or free text, written in a visit. Signed notes
 * are read-only; an addendum is a note of its own pointing at the note it adds to.
 */
export const notes = sqliteTable(
  'notes',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visit_id: text('visit_id').references(() => visits.id),
    author_id: text('author_id')
      .notNull()
      .references(() => users.id),
    /** 'soap' | 'free' */
    format: text('format').notNull(),
    subjective: text('subjective').notNull().default(''),
    objective: text('objective').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    plan: text('plan').notNull().default(''),
    /** The whole note when the format is 'free'; the addendum's text. */
    body: text('body').notNull().default(''),
    /** 'unsigned' | 'signed' */
    status: text('status').notNull(),
    signed_at: text('signed_at'),
    signed_by: text('signed_by').references(() => users.id),
    /** Set on an addendum: the signed note it adds to. */
    addendum_to: text('addendum_to'),
  },
  (t) => [
    index('notes_patient_created_idx').on(t.patient_id, t.created_at),
    index('notes_visit_idx').on(t.visit_id),
    index('notes_author_status_idx').on(t.author_id, t.status),
    index('notes_addendum_idx').on(t.addendum_to),
  ],
);

/** A note template the clinic's doctors share (SOAP sections or free text). */
export const noteTemplates = sqliteTable('note_templates', {
  ...recordColumns,
  name: text('name').notNull(),
  /** 'soap' | 'free' */
  format: text('format').notNull(),
  subjective: text('subjective').notNull().default(''),
  objective: text('objective').notNull().default(''),
  assessment: text('assessment').notNull().default(''),
  plan: text('plan').notNull().default(''),
  body: text('body').notNull().default(''),
});

/** One doctor's text snippet: typing the abbreviation (";nad") expands it. */
export const noteSnippets = sqliteTable(
  'note_snippets',
  {
    ...recordColumns,
    owner_id: text('owner_id')
      .notNull()
      .references(() => users.id),
    abbreviation: text('abbreviation').notNull(),
    expansion: text('expansion').notNull(),
  },
  (t) => [index('note_snippets_owner_idx').on(t.owner_id, t.abbreviation)],
);

/**
 * One set of vital signs taken at one moment (FHIR Observation, vital-signs panel), each value in
 * its canonical UCUM unit; NULL when not measured. BMI is computed from weight and height.
 */
export const vitals = sqliteTable(
  'vitals',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visit_id: text('visit_id').references(() => visits.id),
    taken_at: text('taken_at').notNull(),
    /** mm[Hg] */
    systolic: integer('systolic'),
    diastolic: integer('diastolic'),
    /** /min */
    pulse: integer('pulse'),
    /** Cel */
    temperature: real('temperature'),
    /** /min */
    respiratory_rate: integer('respiratory_rate'),
    /** % */
    spo2: integer('spo2'),
    /** kg */
    weight: real('weight'),
    /** cm */
    height: real('height'),
    /** kg/m2, computed from weight and height when both are given */
    bmi: real('bmi'),
    /** 0-10 */
    pain: integer('pain'),
    /** cm, children */
    head_circumference: real('head_circumference'),
    /** cm, mid-upper arm circumference, children */
    muac: real('muac'),
  },
  (t) => [index('vitals_patient_taken_idx').on(t.patient_id, t.taken_at)],
);

/**
 * A problem on the problem list or a visit's diagnosis (FHIR Condition): an ICD-10-CM code, or
 * free text left uncoded.
 */
export const problems = sqliteTable(
  'problems',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visit_id: text('visit_id').references(() => visits.id),
    /** 'problem-list-item' | 'encounter-diagnosis' (FHIR Condition.category) */
    category: text('category').notNull(),
    /** ICD-10-CM code; NULL for free text left uncoded. */
    icd10_code: text('icd10_code'),
    description: text('description').notNull(),
    /** 'active' | 'resolved' */
    status: text('status').notNull(),
    chronic: integer('chronic', { mode: 'boolean' }).notNull().default(false),
    onset_date: text('onset_date'),
    resolved_date: text('resolved_date'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('problems_patient_idx').on(t.patient_id, t.status)],
);

/** The ICD-10-CM code set (reference data, not a record): one row per billable or header code. */
export const icd10Codes = sqliteTable('icd10_codes', {
  code: text('code').primaryKey(),
  description: text('description').notNull(),
  /** The release the row came from, e.g. '2026'. */
  release: text('release').notNull(),
});

/**
 * An allergy or intolerance (FHIR AllergyIntolerance), or the explicit statement that the patient
 * has no known allergies (kind 'nka'; who said so and when are its created_by and created_at).
 */
export const allergies = sqliteTable(
  'allergies',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    /** 'allergy' | 'nka' */
    kind: text('kind').notNull(),
    substance: text('substance').notNull().default(''),
    /** 'medication' | 'food' | 'environment' | 'biologic' */
    substance_type: text('substance_type'),
    reaction: text('reaction').notNull().default(''),
    /** 'mild' | 'moderate' | 'severe' */
    severity: text('severity'),
    /** 'low' | 'high' | 'unable-to-assess' */
    criticality: text('criticality'),
    /** 'active' | 'inactive' | 'resolved' */
    status: text('status').notNull(),
    onset_date: text('onset_date'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('allergies_patient_idx').on(t.patient_id, t.status)],
);

/** A medication the patient takes, prescribed here or elsewhere (FHIR MedicationStatement). */
export const medications = sqliteTable(
  'medications',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visit_id: text('visit_id').references(() => visits.id),
    name: text('name').notNull(),
    dose: text('dose').notNull().default(''),
    route: text('route').notNull().default(''),
    frequency: text('frequency').notNull().default(''),
    /** 'here' | 'outside' */
    source: text('source').notNull(),
    /** 'active' | 'stopped' */
    status: text('status').notNull(),
    start_date: text('start_date'),
    stop_date: text('stop_date'),
    stop_reason: text('stop_reason').notNull().default(''),
    /** The last time a doctor confirmed the patient still takes it (reconciliation). */
    reconciled_at: text('reconciled_at'),
    reconciled_by: text('reconciled_by').references(() => users.id),
    note: text('note').notNull().default(''),
  },
  (t) => [index('medications_patient_idx').on(t.patient_id, t.status)],
);

/** A vaccine dose given here or recorded from elsewhere (FHIR Immunization), coded with CVX. */
export const immunizations = sqliteTable(
  'immunizations',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visit_id: text('visit_id').references(() => visits.id),
    cvx_code: text('cvx_code').notNull(),
    vaccine: text('vaccine').notNull(),
    given_date: text('given_date').notNull(),
    dose_number: integer('dose_number'),
    lot: text('lot').notNull().default(''),
    /** body site, e.g. 'left deltoid' */
    site: text('site').notNull().default(''),
    /** 'IM' | 'SC' | 'ID' | 'PO' | 'IN' | '' */
    route: text('route').notNull().default(''),
    /** 1: given at this clinic; 0: recorded from elsewhere */
    given_here: integer('given_here', { mode: 'boolean' }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('immunizations_patient_idx').on(t.patient_id, t.given_date)],
);

/**
 * One line of the patient's history: past medical, surgical or family (FHIR Condition, Procedure,
 * FamilyMemberHistory).
 */
export const historyEntries = sqliteTable(
  'history_entries',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    /** 'medical' | 'surgical' | 'family' */
    section: text('section').notNull(),
    description: text('description').notNull(),
    /** Family history: who (mother, father, sibling, ...). */
    relation: text('relation').notNull().default(''),
    /** When, as the patient tells it ('2019', 'childhood'). */
    when_text: text('when_text').notNull().default(''),
    icd10_code: text('icd10_code'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('history_entries_patient_idx').on(t.patient_id, t.section)],
);

/** The patient's social history and pregnancy status: one record per patient (FHIR Observations). */
export const socialHistory = sqliteTable(
  'social_history',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    /** 'never' | 'former' | 'current' | 'unknown' */
    tobacco: text('tobacco').notNull().default('unknown'),
    tobacco_detail: text('tobacco_detail').notNull().default(''),
    /** 'none' | 'occasional' | 'regular' | 'unknown' */
    alcohol: text('alcohol').notNull().default('unknown'),
    alcohol_detail: text('alcohol_detail').notNull().default(''),
    occupation: text('occupation').notNull().default(''),
    /** 'not_pregnant' | 'pregnant' | 'unknown' | NULL (not asked) */
    pregnancy_status: text('pregnancy_status'),
    lmp_date: text('lmp_date'),
  },
  // Not unique: two laptops may each start one for a patient before they sync; the newest is read.
  (t) => [index('social_history_patient_idx').on(t.patient_id)],
);

// ---------------------------------------------------------------------------------------------
// Prescriptions (issue 10, rx-core): the prescription record, its items, the overrides of safety
// alerts, the alerts shown (for the admin report) and the doctors' favourite regimens. Doctors
// only (shared/access.ts DOCTOR). A signed prescription is immutable; a change is a cancellation
// with a reason and a new prescription (replaces_id).
// ---------------------------------------------------------------------------------------------

/** A prescription (FHIR MedicationRequest per item): written in a visit, draft → signed → cancelled. */
export const prescriptions = sqliteTable(
  'prescriptions',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visit_id: text('visit_id')
      .notNull()
      .references(() => visits.id),
    doctor_id: text('doctor_id')
      .notNull()
      .references(() => users.id),
    /** 'draft' | 'signed' | 'cancelled' */
    status: text('status').notNull(),
    /** Shown on the printout; given when signed ("RX-YYYYMMDD-XXXXXX", unique across laptops). */
    number: text('number'),
    signed_at: text('signed_at'),
    cancelled_at: text('cancelled_at'),
    cancelled_by: text('cancelled_by').references(() => users.id),
    cancel_reason: text('cancel_reason').notNull().default(''),
    /** The cancelled prescription this one replaces (a change is cancel + new). */
    replaces_id: text('replaces_id'),
  },
  (t) => [
    index('prescriptions_patient_idx').on(t.patient_id, t.status, t.signed_at),
    index('prescriptions_visit_idx').on(t.visit_id),
  ],
);

/** One item of a prescription: the product's id and copied name, and its dose lines (JSON, shared/domain/prescription.ts). */
export const prescriptionItems = sqliteTable(
  'prescription_items',
  {
    ...recordColumns,
    prescription_id: text('prescription_id')
      .notNull()
      .references(() => prescriptions.id),
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    position: integer('position').notNull(),
    /** 'structured' | 'free' */
    kind: text('kind').notNull(),
    product_id: text('product_id'),
    name: text('name').notNull(),
    form: text('form'),
    route: text('route'),
    /** Structured: the dose lines as JSON (DoseLine[]); free: null. */
    lines_json: text('lines_json'),
    /** Free text directions. */
    directions: text('directions').notNull().default(''),
    quantity_value: real('quantity_value'),
    quantity_unit: text('quantity_unit'),
    repeats: integer('repeats').notNull().default(0),
    instructions: text('instructions').notNull().default(''),
    /** The medication-list line this item started when signed. */
    medication_id: text('medication_id').references(() => medications.id),
  },
  (t) => [index('prescription_items_prescription_idx').on(t.prescription_id, t.position)],
);

/** A doctor's decision to go on despite a safety alert, with the reason (shown on the prescription). */
export const rxAlertOverrides = sqliteTable(
  'rx_alert_overrides',
  {
    ...recordColumns,
    item_id: text('item_id')
      .notNull()
      .references(() => prescriptionItems.id),
    prescription_id: text('prescription_id')
      .notNull()
      .references(() => prescriptions.id),
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    rule_id: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    message: text('message').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('rx_alert_overrides_item_idx').on(t.item_id), index('rx_alert_overrides_rule_idx').on(t.rule_id)],
);

/**
 * Each safety alert once per item and rule, when first shown (for the admin report of alerts shown
 * and overridden per rule). Append-only counts; not a record kind (no patient content besides ids).
 */
export const rxAlertsShown = sqliteTable(
  'rx_alerts_shown',
  {
    id: text('id').primaryKey(),
    item_id: text('item_id').notNull(),
    rule_id: text('rule_id').notNull(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    shown_at: text('shown_at').notNull(),
    shown_by: text('shown_by').notNull(),
  },
  (t) => [
    uniqueIndex('rx_alerts_shown_item_rule_idx').on(t.item_id, t.rule_id),
    index('rx_alerts_shown_rule_idx').on(t.rule_id),
  ],
);

/** A doctor's favourite regimen: one item as JSON (PrescriptionItemInput), filled into a line in one step. */
export const rxFavourites = sqliteTable(
  'rx_favourites',
  {
    ...recordColumns,
    doctor_id: text('doctor_id')
      .notNull()
      .references(() => users.id),
    label: text('label').notNull(),
    item_json: text('item_json').notNull(),
  },
  (t) => [index('rx_favourites_doctor_idx').on(t.doctor_id)],
);

// ---- Prescriptions: the clinic's formulary and doctors' favourite drugs (issue 10, part 1;
// ---- electron/main/rx/formulary/). The shipped generic catalogue is not here: it is JSON in
// ---- resources/drugs/, read into memory.

/**
 * A brand or local product the clinic stocks or prescribes by name, mapped to catalogue
 * ingredients (resources/drugs/ingredients.json) so the safety checks see what it contains.
 */
export const formularyProducts = sqliteTable(
  'formulary_products',
  {
    ...recordColumns,
    brand: text('brand').notNull(),
    /** A DoseForm of shared/domain/drug.ts. */
    form: text('form').notNull(),
    /** A Route of shared/domain/drug.ts. */
    route: text('route').notNull(),
    /** JSON [{ ingredientId, strength, unit }], in the order the label lists them. */
    ingredients_json: text('ingredients_json').notNull(),
    /** The generic catalogue product with the same ingredients, strengths, form and route, if any. */
    catalogue_product_id: text('catalogue_product_id'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('formulary_products_brand_idx').on(t.brand), index('formulary_products_updated_idx').on(t.updated_at)],
);

/** One doctor's favourite product (catalogue "cat:..." or formulary "form:<id>"), listed first in search. */
export const drugFavourites = sqliteTable(
  'drug_favourites',
  {
    ...recordColumns,
    owner_id: text('owner_id')
      .notNull()
      .references(() => users.id),
    product_id: text('product_id').notNull(),
  },
  (t) => [index('drug_favourites_owner_idx').on(t.owner_id, t.product_id)],
);

// ---- Lab orders and results (issue 11; electron/main/labs/). The shipped test catalogue (LOINC
// ---- codes, UCUM units, reference ranges) is JSON in resources/labs/, read into memory; the
// ---- clinic's own tests and range edits are lab_tests rows that override it by code.

/**
 * A test or panel the clinic added, or a shipped one it edited (same `code`, which then wins).
 * `code` is a LOINC code, or a local code starting with "X" (LOINC licence, section 10(c)).
 */
export const labTests = sqliteTable(
  'lab_tests',
  {
    ...recordColumns,
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 'test' | 'panel' */
    kind: text('kind').notNull(),
    /** The UCUM unit values are kept in (tests); null for text results and panels. */
    unit: text('unit'),
    /** 'numeric' | 'text' (tests). */
    value_type: text('value_type'),
    /** JSON LabRange[] (shared/domain/lab.ts): by sex and age, with critical limits. */
    ranges_json: text('ranges_json').notNull().default('[]'),
    /** Panels: JSON string[] of member test codes, in report order. */
    members_json: text('members_json').notNull().default('[]'),
    /** Hidden from ordering (a clinic "removes" a shipped test this way; rows are never deleted). */
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    /** Percentage change from the patient's previous value that earns a delta note; null: no check. */
    delta_percent: real('delta_percent'),
    /**
     * A test the clinic added: the molar mass (g/mol) of what it measures, so mass units convert to
     * amount of substance (mg/dL to mmol/L). Shipped tests keep the catalogue's own.
     */
    molar_mass: real('molar_mass'),
  },
  (t) => [uniqueIndex('lab_tests_code_idx').on(t.code)],
);

/** An order of one or more tests or panels from a visit, sent to a lab; its number is on the requisition. */
export const labOrders = sqliteTable(
  'lab_orders',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    visit_id: text('visit_id').references(() => visits.id),
    doctor_id: text('doctor_id')
      .notNull()
      .references(() => users.id),
    /** "LAB-YYYYMMDD-XXXXXX", unique across laptops; what the lab sends back in ORC-2/OBR-2. */
    number: text('number').notNull(),
    /** 'ordered' | 'collected' | 'partial' | 'resulted' | 'reviewed' | 'cancelled' */
    status: text('status').notNull(),
    ordered_at: text('ordered_at').notNull(),
    collected_at: text('collected_at'),
    lab_name: text('lab_name').notNull().default(''),
    clinical_note: text('clinical_note').notNull().default(''),
    cancelled_at: text('cancelled_at'),
    cancelled_by: text('cancelled_by').references(() => users.id),
    cancel_reason: text('cancel_reason').notNull().default(''),
  },
  (t) => [
    uniqueIndex('lab_orders_number_idx').on(t.number),
    index('lab_orders_patient_idx').on(t.patient_id, t.ordered_at),
    index('lab_orders_visit_idx').on(t.visit_id),
    index('lab_orders_doctor_status_idx').on(t.doctor_id, t.status),
  ],
);

/** One test or panel of an order (FHIR ServiceRequest), with the code and name as ordered. */
export const labOrderTests = sqliteTable(
  'lab_order_tests',
  {
    ...recordColumns,
    order_id: text('order_id')
      .notNull()
      .references(() => labOrders.id),
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 'test' | 'panel' */
    kind: text('kind').notNull(),
  },
  (t) => [index('lab_order_tests_order_idx').on(t.order_id, t.position)],
);

/**
 * One report from a lab, or one panel entered by hand (FHIR DiagnosticReport): groups the results
 * that came together, against an order when one is known.
 */
export const labReports = sqliteTable(
  'lab_reports',
  {
    ...recordColumns,
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    order_id: text('order_id').references(() => labOrders.id),
    /** The panel or test code the report is for (OBR-4 / DiagnosticReport.code), and its name. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 'manual' | 'hl7v2' | 'fhir' */
    source: text('source').notNull(),
    /** Where it came from, for imports: "hl7v2:<sending facility>|<control id>|<OBR set id>", "fhir:<id>". Unique when set. */
    source_key: text('source_key'),
    /** The lab's name (MSH-4 or the report's performer) or what the doctor typed. */
    performer: text('performer').notNull().default(''),
    /** 'preliminary' | 'final' | 'corrected' | 'cancelled' */
    status: text('status').notNull(),
    /** When the sample was taken (UTC ISO); results are plotted by this time. */
    observed_at: text('observed_at').notNull(),
    issued_at: text('issued_at'),
    comment: text('comment').notNull().default(''),
    /** Who acknowledged it in the results inbox, when, and what they wrote. */
    reviewed_at: text('reviewed_at'),
    reviewed_by: text('reviewed_by').references(() => users.id),
    review_comment: text('review_comment').notNull().default(''),
    /** The doctor whose inbox it lands in (the ordering doctor, or who entered or reconciled it). */
    doctor_id: text('doctor_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('lab_reports_source_key_idx').on(t.source_key),
    index('lab_reports_patient_idx').on(t.patient_id, t.observed_at),
    index('lab_reports_order_idx').on(t.order_id),
    index('lab_reports_inbox_idx').on(t.doctor_id, t.reviewed_at),
  ],
);

/**
 * One result value (FHIR Observation, laboratory). Numeric values are stored in the test's UCUM
 * unit (`value_num`, `unit`) and also as received (`original_value`, `original_unit`).
 */
export const labResults = sqliteTable(
  'lab_results',
  {
    ...recordColumns,
    report_id: text('report_id')
      .notNull()
      .references(() => labReports.id),
    patient_id: text('patient_id')
      .notNull()
      .references(() => patients.id),
    order_test_id: text('order_test_id').references(() => labOrderTests.id),
    position: integer('position').notNull(),
    /** LOINC or the lab's own code when it sent no LOINC; `code_system` says which. */
    code: text('code').notNull(),
    code_system: text('code_system').notNull().default('http://loinc.org'),
    name: text('name').notNull(),
    /** 'numeric' | 'text' | 'coded' */
    value_type: text('value_type').notNull(),
    value_num: real('value_num'),
    /** '<' | '<=' | '>' | '>=' for values such as "<0.5" (HL7 SN), else null. */
    comparator: text('comparator'),
    unit: text('unit'),
    value_text: text('value_text').notNull().default(''),
    original_value: text('original_value').notNull().default(''),
    original_unit: text('original_unit').notNull().default(''),
    ref_low: real('ref_low'),
    ref_high: real('ref_high'),
    ref_text: text('ref_text').notNull().default(''),
    /** 'N' | 'L' | 'H' | 'LL' | 'HH' | 'A' | 'AA' | null (not interpreted) */
    flag: text('flag'),
    /** 1 when the value is beyond a critical limit (or the lab said so). */
    critical: integer('critical', { mode: 'boolean' }).notNull().default(false),
    /** Set when the value differs from the patient's previous one beyond the test's delta limit. */
    delta_note: text('delta_note').notNull().default(''),
    /** 'preliminary' | 'final' | 'corrected' | 'cancelled' */
    status: text('status').notNull(),
    observed_at: text('observed_at').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [
    index('lab_results_report_idx').on(t.report_id, t.position),
    index('lab_results_trend_idx').on(t.patient_id, t.code, t.observed_at),
    /** The results inbox ranks reports by their worst live result without reading the rows. */
    index('lab_results_rank_idx').on(t.report_id, t.deleted_at, t.status, t.critical, t.flag),
  ],
);

/**
 * A message or resource from an import that could not be put on a patient with certainty: it waits
 * here (parsed, as JSON) until a doctor chooses the patient or dismisses it. Never guessed.
 */
export const labUnmatched = sqliteTable(
  'lab_unmatched',
  {
    ...recordColumns,
    /** 'hl7v2' | 'fhir' */
    source: text('source').notNull(),
    /** As lab_reports.source_key: a second import of the same message finds it here. */
    source_key: text('source_key').notNull(),
    file_name: text('file_name').notNull().default(''),
    /** JSON IncomingLabReport (shared/domain/lab.ts): the patient as the lab named them and the results. */
    payload_json: text('payload_json').notNull(),
    /** Why it was not matched, in words for the doctor. */
    reason: text('reason').notNull(),
    /** JSON string[]: patients who partly match (shown as choices, never chosen). */
    candidates_json: text('candidates_json').notNull().default('[]'),
    /** 'pending' | 'assigned' | 'dismissed' */
    status: text('status').notNull(),
    resolved_at: text('resolved_at'),
    resolved_by: text('resolved_by').references(() => users.id),
    /** The patient chosen, and the report made for them. */
    patient_id: text('patient_id').references(() => patients.id),
    report_id: text('report_id').references(() => labReports.id),
  },
  (t) => [uniqueIndex('lab_unmatched_source_key_idx').on(t.source_key), index('lab_unmatched_status_idx').on(t.status)],
);

/**
 * A user's own preferences (the units they enter vitals in, ...): one JSON value per key, validated
 * by shared/domain/preferences.ts on every read and write. Local to this database; not synced.
 */
export const userPreferences = sqliteTable(
  'user_preferences',
  {
    user_id: text('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    value_json: text('value_json').notNull(),
    updated_at: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.user_id, t.key] })],
);
