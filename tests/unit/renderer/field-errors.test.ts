import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../../renderer/src/api/client';
import { fieldErrors, topLevelField } from '../../../renderer/src/forms/field-errors';

describe('one mapping from a refusal to form fields', () => {
  const refusal = new ApiError({
    code: 'VALIDATION',
    message: 'Check the highlighted fields.',
    fields: { 'roles.0': 'Choose a role.', 'roles.1': 'Second message.', username: 'This user name is taken.' },
  });

  it('keys main’s field messages by dot path, the first message per field winning', () => {
    expect(fieldErrors(refusal)).toEqual({
      'roles.0': 'Choose a role.',
      'roles.1': 'Second message.',
      username: 'This user name is taken.',
    });
    expect(fieldErrors(refusal, topLevelField)).toEqual({
      roles: 'Choose a role.',
      username: 'This user name is taken.',
    });
  });

  it('keys the form’s own zod check exactly as main keys its refusal', () => {
    const parsed = z.strictObject({ clinic: z.strictObject({ clinicName: z.string().min(1, 'Enter a name.') }) });
    const result = parsed.safeParse({ clinic: { clinicName: '' } });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error)).toEqual({ 'clinic.clinicName': 'Enter a name.' });
  });

  it('maps an error that is not about fields to no field at all', () => {
    expect(fieldErrors(new ApiError({ code: 'INTERNAL', message: 'Disk problem.' }))).toEqual({});
    expect(fieldErrors(new Error('bridge missing'))).toEqual({});
  });
});
