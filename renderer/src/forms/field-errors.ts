import { z } from 'zod';
import { ApiError } from '../api/client';

/** Form field path ("clinic.clinicName", "phones.3.number") -> what to fix there. */
export type FieldErrors = Record<string, string>;

/**
 * The one mapping from a refusal to messages beside form fields. Accepts what main returned
 * (`ApiError` with `{code: 'VALIDATION', fields}`, or a CONFLICT naming a field) or what the form's
 * own zod check found, keyed by dot path exactly as main keys them. `toFormPath` renames a path for
 * forms whose controls are keyed differently (only the top-level field, or row ids for lists); the
 * first message per field wins. Anything else (a lost bridge, an INTERNAL error) maps to no field.
 */
export function fieldErrors(error: unknown, toFormPath: (path: string) => string = (p) => p): FieldErrors {
  const raw: [string, string][] =
    error instanceof ApiError
      ? Object.entries(error.fields)
      : error instanceof z.ZodError
        ? error.issues.map((issue) => [issue.path.map(String).join('.') || '_', issue.message])
        : [];
  const out: FieldErrors = {};
  for (const [path, message] of raw) out[toFormPath(path)] ??= message;
  return out;
}

/** For forms with one control per top-level field: "roles.0" is shown beside "roles". */
export function topLevelField(path: string): string {
  return path.split('.')[0] ?? path;
}

export function hasFieldErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** What to tell a person: main's message when it sent one, otherwise the error's own text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

/** Moves focus to the first field marked invalid inside `root`, so keyboard users land on what to fix. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  const first = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
}
