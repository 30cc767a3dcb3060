import type { ChannelInput } from '../../../../../shared/contract';
import type { Appointment } from '../../../../../shared/domain/appointment';
import { updateInputSchema } from '../../../../../shared/domain/appointment';
import { fieldErrors, type FieldErrors } from '../../../forms/field-errors';

/** The edit form's raw text, so nothing typed is lost when main refuses the change. */
export interface EditDraft {
  reason: string;
  note: string;
  length: string;
  overbook: boolean;
  overbookReason: string;
  outsideHours: boolean;
  outsideHoursReason: string;
}

export function editDraftOf(a: Pick<Appointment, 'reason' | 'note' | 'lengthMinutes'>): EditDraft {
  return {
    reason: a.reason,
    note: a.note,
    length: String(a.lengthMinutes),
    overbook: false,
    overbookReason: '',
    outsideHours: false,
    outsideHoursReason: '',
  };
}

/**
 * Checks the draft with the schema main uses. An empty length keeps the current one; a length
 * that is not a number is passed on as NaN so the schema names the field.
 */
export function toUpdateRequest(
  a: Pick<Appointment, 'id' | 'version'>,
  d: EditDraft,
): { ok: true; input: ChannelInput<'appointments.update'> } | { ok: false; fields: FieldErrors } {
  const length = d.length.trim();
  const parsed = updateInputSchema.safeParse({
    id: a.id,
    version: a.version,
    reason: d.reason,
    note: d.note,
    lengthMinutes: length === '' ? undefined : Number(length),
    overbookReason: d.overbook ? d.overbookReason : undefined,
    outsideHoursReason: d.outsideHours ? d.outsideHoursReason : undefined,
  });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, fields: fieldErrors(parsed.error) };
}
