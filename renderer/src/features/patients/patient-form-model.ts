import { fieldErrors, type FieldErrors } from '../../forms/field-errors';
import { birthDateFromEstimatedAge, todayIn } from '../../../../shared/dates';
import {
  patientInputSchema,
  PHONE_KINDS,
  SEXES,
  type Patient,
  type PatientFormInput,
  type PatientInput,
} from '../../../../shared/domain/patient';

export type Sex = (typeof SEXES)[number];
export type PhoneKind = (typeof PHONE_KINDS)[number];

/** What the form holds: every control's raw text, so nothing typed is ever lost to parsing. */
export interface PatientFormState {
  givenNames: string;
  familyName: string;
  /** Optional: the name in Latin letters, for names written in another script. */
  latinName: string;
  sex: Sex | '';
  genderIdentity: string;
  birthKind: 'date' | 'estimatedAge';
  birthDate: string;
  estimatedYears: string;
  phones: { kind: PhoneKind; number: string }[];
  address: { line: string; city: string; region: string; postalCode: string; country: string };
  identifiers: { system: string; value: string }[];
  emergencyContact: { name: string; relationship: string; phone: string };
  notes: string;
}

/** Field path (as the schema names it, e.g. "phones.0.number") -> message. */
export type { FieldErrors };

export function emptyPatientForm(prefillName = ''): PatientFormState {
  return {
    ...splitName(prefillName),
    latinName: '',
    sex: '',
    genderIdentity: '',
    birthKind: 'date',
    birthDate: '',
    estimatedYears: '',
    phones: [{ kind: 'mobile', number: '' }],
    address: { line: '', city: '', region: '', postalCode: '', country: '' },
    identifiers: [],
    emergencyContact: { name: '', relationship: '', phone: '' },
    notes: '',
  };
}

/** "maria de la cruz" -> given "maria de la", family "cruz": a guess the person can correct. Digits are not a name. */
export function splitName(text: string): { givenNames: string; familyName: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || /\d/.test(text)) return { givenNames: '', familyName: '' };
  if (words.length === 1) return { givenNames: '', familyName: words[0]! };
  return { givenNames: words.slice(0, -1).join(' '), familyName: words[words.length - 1]! };
}

export function formFromPatient(p: Patient): PatientFormState {
  const estimated = p.birthDateEstimated;
  return {
    givenNames: p.givenNames,
    familyName: p.familyName,
    latinName: p.latinName,
    sex: p.sex,
    genderIdentity: p.genderIdentity,
    birthKind: estimated ? 'estimatedAge' : 'date',
    birthDate: estimated ? '' : p.birthDate,
    estimatedYears: estimated ? String(yearsSince(p.birthDate)) : '',
    phones: p.phones.map((ph) => ({ ...ph })),
    address: { ...p.address },
    identifiers: p.identifiers.map((i) => ({ ...i })),
    emergencyContact: { ...p.emergencyContact },
    notes: p.notes,
  };
}

function yearsSince(isoDate: string): number {
  const today = todayIn();
  let years = Number(today.slice(0, 4)) - Number(isoDate.slice(0, 4));
  if (today.slice(5) < isoDate.slice(5)) years -= 1;
  return Math.max(0, years);
}

export function isBlankForm(form: PatientFormState): boolean {
  const blank = emptyPatientForm();
  return JSON.stringify({ ...form, birthKind: 'date' }) === JSON.stringify(blank);
}

/**
 * The form as the schema's input. Rows left completely blank are dropped (an unused phone row is not
 * an error); `phoneRows`/`identifierRows` map the input's indices back to the form's rows for errors.
 */
export function toPatientInput(form: PatientFormState): {
  input: PatientFormInput;
  phoneRows: number[];
  identifierRows: number[];
} {
  const phoneRows = form.phones.flatMap((p, i) => (p.number.trim() === '' ? [] : [i]));
  const identifierRows = form.identifiers.flatMap((id, i) =>
    id.system.trim() === '' && id.value.trim() === '' ? [] : [i],
  );
  const years = form.estimatedYears.trim();
  const input: PatientFormInput = {
    givenNames: form.givenNames,
    familyName: form.familyName,
    // A draft kept before the field existed has none.
    latinName: form.latinName ?? '',
    // An unchosen sex fails the schema's enum with its own message.
    sex: form.sex as Sex,
    genderIdentity: form.genderIdentity,
    birth:
      form.birthKind === 'date'
        ? { kind: 'date', date: form.birthDate }
        : { kind: 'estimatedAge', years: years === '' ? Number.NaN : Number(years) },
    phones: phoneRows.map((i) => ({ ...form.phones[i]! })),
    address: { ...form.address },
    identifiers: identifierRows.map((i) => ({ ...form.identifiers[i]! })),
    emergencyContact: { ...form.emergencyContact },
    notes: form.notes,
  };
  return { input, phoneRows, identifierRows };
}

/** Field errors (from main or the form's own check) keyed by form row: rewrites "phones.N..."/"identifiers.N..." from input indices to form rows; drops a "patient." prefix. */
export function errorsToFormPaths(
  error: unknown,
  rows: { phoneRows: number[]; identifierRows: number[] },
): FieldErrors {
  return fieldErrors(error, (rawKey) => {
    const key = rawKey.replace(/^patient\./, '');
    const m = /^(phones|identifiers)\.(\d+)(\..*)?$/.exec(key);
    if (!m) return key;
    const list = m[1] === 'phones' ? rows.phoneRows : rows.identifierRows;
    const row = list[Number(m[2])] ?? Number(m[2]);
    return `${m[1]}.${row}${m[3] ?? ''}`;
  });
}

export type FormCheck =
  | { ok: true; patient: PatientInput; rows: { phoneRows: number[]; identifierRows: number[] } }
  | { ok: false; errors: FieldErrors };

/** Validates with the very schema main uses, so the form and the server agree on every message. */
export function checkPatientForm(form: PatientFormState): FormCheck {
  const { input, phoneRows, identifierRows } = toPatientInput(form);
  const parsed = patientInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, patient: parsed.data, rows: { phoneRows, identifierRows } };
  return { ok: false, errors: errorsToFormPaths(parsed.error, { phoneRows, identifierRows }) };
}

/** The birth date the server will store, for the duplicate check. */
export function birthDateOf(patient: PatientInput): string {
  return patient.birth.kind === 'date' ? patient.birth.date : birthDateFromEstimatedAge(patient.birth.years, todayIn());
}
