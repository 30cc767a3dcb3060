/** One scenario's outcome: printed as a single JSON line on stdout. */
export type BenchResult = { bench: string } & Record<string, string | number | boolean | null>;

export function skipped(bench: string, reason: string): BenchResult {
  return { bench, skipped: true, reason, pass: null };
}
