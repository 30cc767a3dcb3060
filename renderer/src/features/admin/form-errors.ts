import { ApiError } from '../../api/client';

/**
 * Main's field errors keyed by the top-level form field ("roles.0" -> "roles"), so a form can show
 * each message next to the control that needs fixing.
 */
export function fieldErrorsFrom(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const key = path.split('.')[0] ?? path;
    fields[key] ??= message;
  }
  return fields;
}

/** What to tell a person: main's message when it sent one, otherwise the error's own text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
