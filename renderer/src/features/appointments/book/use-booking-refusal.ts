import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { isOutsideHoursRefusal, type FieldErrors } from './booking-form';

/**
 * What main said of the last booking, edit or reschedule: the fields it refused, its message, and
 * whether it reported a clash or a time outside the doctor's hours (from then on the form offers
 * to overbook, or to book outside hours, with a reason). Shared by the three appointment forms.
 */
export function useBookingRefusal(options: { anyConflictIsClash?: boolean } = {}) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [clash, setClash] = useState(false);
  const [outside, setOutside] = useState(false);
  return {
    errors,
    setErrors,
    failure,
    setFailure,
    clash,
    outside,
    /** Before sending again: what the last answer said no longer stands. */
    clear() {
      setErrors({});
      setFailure(null);
    },
    /** Main's refusal: its fields and message shown, an override offered where it applies. */
    refused(error: unknown) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (error instanceof ApiError && error.code === 'CONFLICT' && (options.anyConflictIsClash || fields.time))
        setClash(true);
      if (error instanceof ApiError && error.code === 'VALIDATION' && isOutsideHoursRefusal(fields)) setOutside(true);
      setFailure(errorMessage(error));
    },
  };
}
