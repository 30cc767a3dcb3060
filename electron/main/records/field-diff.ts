/** One changed field as a person reads it in a record's history. */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

/**
 * The one field diff every kind of record uses: the labelled values that differ between two views
 * of a record, in the order of the newer view. A field missing from one side reads as ''.
 */
export function diffFields(before: Record<string, string> | null, after: Record<string, string>): FieldChange[] {
  const a = before ?? {};
  return Object.keys(after).flatMap((field) => {
    const from = a[field] ?? '';
    const to = after[field] ?? '';
    return from === to ? [] : [{ field, from, to }];
  });
}
