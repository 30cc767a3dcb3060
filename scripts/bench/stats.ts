import os from 'node:os';

/** Nearest-rank percentile of durations in milliseconds (p in 0..100). */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedMs.length);
  return sortedMs[Math.min(sortedMs.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(samplesMs: readonly number[]): { p50: number; p95: number; p99: number; max: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Milliseconds rounded for the JSON line: 3 significant decimals below 10 ms, 1 above. */
export function ms(value: number): number {
  return value < 10 ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10;
}

/**
 * Wall-clock and CPU time of one call. On a shared 2-core machine the wall-clock tail is mostly
 * other processes' time slices; the CPU time shows what the call itself costs.
 */
export function measure(fn: () => void): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  fn();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** The 1-minute load average, rounded: printed beside results measured on a shared machine. */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}
