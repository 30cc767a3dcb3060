import type { z } from 'zod';

/** Zod issues keyed by dot path ("clinic.clinicName"), the same keys main sends in ApiError.fields. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Moves focus to the first field marked invalid inside `root`, so keyboard users land on what to fix. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const first = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
}
