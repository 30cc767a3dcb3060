import { fieldErrors, type FieldErrors } from '../../../forms/field-errors';
import type { ChannelInput } from '../../../../../shared/contract';
import { bookInputSchema, bookSeriesInputSchema, type REPEAT_UNITS } from '../../../../../shared/domain/appointment';

export type RepeatUnit = (typeof REPEAT_UNITS)[number];

/** The patient the booking is for, as the dialog shows them. */
export interface ChosenPatient {
  id: string;
  name: string;
  mrn: string;
}

/** Every control's raw text, so nothing typed is lost when main refuses the booking. */
export interface BookingDraft {
  patient: ChosenPatient | null;
  providerId: string;
  date: string;
  time: string;
  length: string;
  reason: string;
  note: string;
  repeat: boolean;
  every: string;
  unit: RepeatUnit;
  endKind: 'count' | 'until';
  count: string;
  until: string;
  overbook: boolean;
  overbookReason: string;
  outsideHours: boolean;
  outsideHoursReason: string;
  dstChoice: '' | 'earlier' | 'later';
}

export function emptyDraft(prefill: {
  providerId: string;
  date: string;
  time: string;
  length: number | null;
  patient?: { id: string; name: string; mrn: string } | undefined;
  reason?: string | undefined;
}): BookingDraft {
  return {
    patient: prefill.patient ?? null,
    providerId: prefill.providerId,
    date: prefill.date,
    time: prefill.time,
    length: prefill.length === null ? '' : String(prefill.length),
    reason: prefill.reason ?? '',
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
}

/** Numbers as typed; an unparseable one is passed through as NaN so the schema names the field. */
function num(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

export type BookingRequest =
  | { kind: 'single'; input: ChannelInput<'appointments.book'> }
  | { kind: 'series'; input: ChannelInput<'appointments.bookSeries'> };

export type { FieldErrors };

/** Checks the draft with the same schema main uses, so mistakes show next to their fields before any call. */
export function toRequest(d: BookingDraft): { ok: true; request: BookingRequest } | { ok: false; fields: FieldErrors } {
  const base = {
    patientId: d.patient?.id ?? '',
    providerId: d.providerId,
    date: d.date,
    time: d.time,
    lengthMinutes: num(d.length),
    reason: d.reason,
    note: d.note,
    overbookReason: d.overbook ? d.overbookReason : undefined,
    outsideHoursReason: d.outsideHours ? d.outsideHoursReason : undefined,
    dstChoice: d.dstChoice || undefined,
  };
  const extra: FieldErrors = d.patient
    ? {}
    : { patientId: 'Choose the patient: search by name, phone or MRN, or register a new patient' };
  if (!d.repeat) {
    const parsed = bookInputSchema.safeParse(base);
    if (!parsed.success || !d.patient)
      return { ok: false, fields: { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...extra } };
    return { ok: true, request: { kind: 'single', input: parsed.data } };
  }
  const repeat = {
    every: num(d.every),
    unit: d.unit,
    count: d.endKind === 'count' ? num(d.count) : undefined,
    until: d.endKind === 'until' ? d.until || undefined : undefined,
  };
  const parsed = bookSeriesInputSchema.safeParse({ ...base, repeat });
  if (!parsed.success || !d.patient)
    return { ok: false, fields: { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...extra } };
  return { ok: true, request: { kind: 'series', input: parsed.data } };
}

/** Main marks a refusal that an "outside working hours" reason would lift with that field. */
export function isOutsideHoursRefusal(fields: Record<string, string>): boolean {
  return 'outsideHoursReason' in fields;
}
