/**
 * Which backups to keep (docs/ARCHITECTURE.md, "Backups"): the newest few, then the newest of
 * each of the last 7 days, 4 weeks and 12 months that have a backup. Runs only after a new backup
 * has been verified, and never deletes that one, so a folder is never left without a good backup.
 * A backup named in the future (this computer's clock was later moved back) is not ours to judge:
 * it is kept, and it does not count as "newest" for the rest, so a clock moved back never makes
 * rotation delete the backups made since.
 */
export interface RotationPolicy {
  newest: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const ROTATION: RotationPolicy = { newest: 3, daily: 7, weekly: 4, monthly: 12 };

/** A backup named more than this after `now` counts as from the future. */
const FUTURE_SLACK_MS = 5 * 60_000;

interface Named {
  name: string;
  at: Date;
}

const dayKey = (at: Date): string => at.toISOString().slice(0, 10);
const monthKey = (at: Date): string => at.toISOString().slice(0, 7);

/** ISO week (Monday first) as year-week, in UTC like the names. */
function weekKey(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil((d.getTime() - yearStart) / 86_400_000 / 7 + 1 / 7);
  return `${d.getUTCFullYear()}-W${week}`;
}

/** The names to delete, given every backup in the folder, the clock, and the backup just verified. */
export function backupsToDelete(
  backups: readonly Named[],
  now: Date,
  justVerified: string,
  policy: RotationPolicy = ROTATION,
): string[] {
  const keep = new Set<string>([justVerified]);
  const past = backups
    .filter((b) => b.at.getTime() <= now.getTime() + FUTURE_SLACK_MS || b.name === justVerified)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
  for (const b of backups) if (!past.includes(b)) keep.add(b.name);
  past.slice(0, policy.newest).forEach((b) => keep.add(b.name));
  const keepNewestPer = (key: (at: Date) => string, count: number): void => {
    const seen = new Set<string>();
    for (const b of past) {
      const k = key(b.at);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.name);
    }
  };
  keepNewestPer(dayKey, policy.daily);
  keepNewestPer(weekKey, policy.weekly);
  keepNewestPer(monthKey, policy.monthly);
  return backups.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
