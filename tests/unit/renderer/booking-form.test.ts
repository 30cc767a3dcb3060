import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../renderer/src/format/date-time';
import type { ProviderDay } from '../../../shared/domain/appointment';
import { clockTime, endMinutes, gridRange, mondayOf } from '../../../renderer/src/features/appointments/book/book-time';
import {
  emptyDraft,
  isOutsideHoursRefusal,
  toRequest,
  type BookingDraft,
} from '../../../renderer/src/features/appointments/book/booking-form';
import { editDraftOf, toUpdateRequest } from '../../../renderer/src/features/appointments/book/edit-form';

const PATIENT = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: 'Alice Archer', mrn: 'MRN-000001' };
const DOCTOR = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a6c';

function draft(patch: Partial<BookingDraft> = {}): BookingDraft {
  return {
    ...emptyDraft({ providerId: DOCTOR, date: '2026-03-11', time: '09:00', length: 20 }),
    patient: PATIENT,
    ...patch,
  };
}

describe('booking form: draft to request', () => {
  it('starts from the prefill, with no patient and no repeat', () => {
    const d = emptyDraft({ providerId: DOCTOR, date: '2026-03-11', time: '09:00', length: null });
    expect(d).toMatchObject({
      patient: null,
      providerId: DOCTOR,
      date: '2026-03-11',
      time: '09:00',
      length: '',
      repeat: false,
      overbook: false,
      outsideHours: false,
    });
    expect(emptyDraft({ providerId: DOCTOR, date: '2026-03-11', time: '09:00', length: 20 }).length).toBe('20');
  });

  it('a complete single booking becomes the book input, texts trimmed and unticked overrides left out', () => {
    const result = toRequest(draft({ reason: '  Check-up ', note: '', overbookReason: 'ignored because unticked' }));
    expect(result).toEqual({
      ok: true,
      request: {
        kind: 'single',
        input: {
          patientId: PATIENT.id,
          providerId: DOCTOR,
          date: '2026-03-11',
          time: '09:00',
          lengthMinutes: 20,
          reason: 'Check-up',
          note: '',
        },
      },
    });
  });

  it('an empty length leaves the doctor’s default to main; ticked overrides and the DST choice go along', () => {
    const result = toRequest(
      draft({
        length: ' ',
        overbook: true,
        overbookReason: 'Urgent review',
        outsideHours: true,
        outsideHoursReason: 'Doctor agreed',
        dstChoice: 'later',
      }),
    );
    expect(result.ok && result.request.input).toMatchObject({
      overbookReason: 'Urgent review',
      outsideHoursReason: 'Doctor agreed',
      dstChoice: 'later',
    });
    expect(result.ok && 'lengthMinutes' in result.request.input && result.request.input.lengthMinutes).toBe(undefined);
  });

  it('names each field to fix: no patient, a length that is not a number, a time that is not a time', () => {
    const result = toRequest(draft({ patient: null, length: 'abc', time: '9am' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields).sort()).toEqual(['lengthMinutes', 'patientId', 'time']);
    expect(result.fields.patientId).toMatch(/Choose the patient/);
    expect(result.fields.lengthMinutes).toMatch(/whole minutes/);
  });

  it('a missing patient is reported even when everything else is valid', () => {
    expect(toRequest(draft({ patient: null }))).toEqual({
      ok: false,
      fields: { patientId: expect.stringMatching(/Choose the patient/) },
    });
  });

  it('a repeat becomes a series: a count or an end date, never both', () => {
    const byCount = toRequest(
      draft({ repeat: true, every: '2', unit: 'weeks', endKind: 'count', count: '3', until: '2026-12-01' }),
    );
    expect(byCount.ok && byCount.request).toMatchObject({
      kind: 'series',
      input: { repeat: { every: 2, unit: 'weeks', count: 3 } },
    });
    expect(byCount.ok && byCount.request.kind === 'series' && byCount.request.input.repeat.until).toBe(undefined);

    const byDate = toRequest(
      draft({ repeat: true, every: '1', unit: 'months', endKind: 'until', until: '2026-06-11' }),
    );
    expect(byDate.ok && byDate.request).toMatchObject({
      kind: 'series',
      input: { repeat: { every: 1, unit: 'months', until: '2026-06-11' } },
    });

    const noEnd = toRequest(draft({ repeat: true, endKind: 'until', until: '' }));
    expect(noEnd).toEqual({ ok: false, fields: { 'repeat.count': expect.stringMatching(/needs an end/) } });
    const endsBefore = toRequest(draft({ repeat: true, endKind: 'until', until: '2026-03-01' }));
    expect(endsBefore).toEqual({
      ok: false,
      fields: { 'repeat.until': expect.stringMatching(/on or after the first appointment/) },
    });
  });

  it('recognises a refusal that an outside-hours reason would lift', () => {
    expect(isOutsideHoursRefusal({ time: 'Outside hours', outsideHoursReason: 'Give a reason' })).toBe(true);
    expect(isOutsideHoursRefusal({ time: 'Taken by Ana Silva' })).toBe(false);
  });
});

describe('edit form: draft to update', () => {
  const appointment = { id: PATIENT.id, version: 3, reason: 'Check-up', note: '', lengthMinutes: 20 };

  it('starts from the appointment and sends reason, note and length', () => {
    const d = editDraftOf(appointment);
    expect(d).toEqual({
      reason: 'Check-up',
      note: '',
      length: '20',
      overbook: false,
      overbookReason: '',
      outsideHours: false,
      outsideHoursReason: '',
    });
    expect(toUpdateRequest(appointment, { ...d, reason: ' Review ', length: '40' })).toEqual({
      ok: true,
      input: { id: PATIENT.id, version: 3, reason: 'Review', note: '', lengthMinutes: 40 },
    });
  });

  it('an empty length keeps the current one; a bad length or a too-short override reason is named', () => {
    const d = editDraftOf(appointment);
    const keep = toUpdateRequest(appointment, { ...d, length: '' });
    expect(keep.ok && keep.input.lengthMinutes).toBe(undefined);
    expect(toUpdateRequest(appointment, { ...d, length: '0' })).toEqual({
      ok: false,
      fields: { lengthMinutes: expect.stringMatching(/at least 5 minutes/) },
    });
    expect(toUpdateRequest(appointment, { ...d, overbook: true, overbookReason: 'x' })).toEqual({
      ok: false,
      fields: { overbookReason: expect.stringMatching(/say why/) },
    });
  });
});

describe('book time helpers', () => {
  it('clock times are clamped to the day and padded', () => {
    expect([clockTime(0), clockTime(9 * 60 + 5), clockTime(-30), clockTime(24 * 60 + 10), clockTime(89.6)]).toEqual([
      '00:00',
      '09:05',
      '00:00',
      '23:59',
      '01:30',
    ]);
  });

  it('an appointment running past midnight ends at the bottom of the grid', () => {
    expect(endMinutes('09:00', '09:20')).toBe(9 * 60 + 20);
    expect(endMinutes('23:40', '00:10')).toBe(24 * 60);
  });

  it('the grid grows to fit early hours and late bookings, on 15-minute lines, but not for cancelled ones', () => {
    const day = (blocks: [string, string][], appointments: { time: string; endTime: string; status: string }[]) =>
      ({ blocks: blocks.map(([start, end]) => ({ start, end })), appointments }) as unknown as ProviderDay;
    expect(gridRange([])).toEqual({ start: 7 * 60, end: 20 * 60 });
    expect(gridRange([day([['06:50', '12:00']], [{ time: '20:05', endTime: '20:25', status: 'booked' }])])).toEqual({
      start: 6 * 60 + 45,
      end: 20 * 60 + 30,
    });
    expect(gridRange([day([], [{ time: '05:00', endTime: '05:20', status: 'cancelled' }])])).toEqual({
      start: 7 * 60,
      end: 20 * 60,
    });
  });

  it('Monday of the week, and dates written with the weekday and month in words', () => {
    expect(mondayOf('2026-03-11')).toBe('2026-03-09');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2026-03-15')).toBe('2026-03-09');
    // The book's day and week headings, written by the one date formatter.
    expect(formatDate('2026-11-30', 'en', { weekday: true })).toBe('Mon 30 Nov 2026');
    expect(formatDate('2026-11-30', 'en', { weekday: true, year: false })).toBe('Mon 30 Nov');
    expect(formatDate('not a date', 'en', { weekday: true })).toBe('not a date');
  });
});
