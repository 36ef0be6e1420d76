export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 14, weekly: 8, monthly: 12 };

const RECENT_MS = 24 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
/** A week is named by its Monday (the office's week), in local time like the days. */
const weekKey = (d: Date) => {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday);
};

/**
 * The backups to keep: the newest of each of the last `daily` days that have a backup, of the last
 * `weekly` weeks and of the last `monthly` months (counting only periods with a backup, so days the PC
 * was off do not use up the allowance), and every backup of the 24 hours up to the newest one (so
 * "Back up now" never pushes out the backup taken an hour before). Pure, so it is tested on its own.
 */
export function backupsToKeep<T extends { takenAt: string }>(backups: readonly T[], policy: RetentionPolicy): Set<T> {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const newest = newestFirst[0] ? Date.parse(newestFirst[0].takenAt) : 0;
  const keep = new Set<T>(newestFirst.filter((b) => newest - Date.parse(b.takenAt) < RECENT_MS));
  const rules: [number, (d: Date) => string][] = [
    [policy.daily, dayKey],
    [policy.weekly, weekKey],
    [policy.monthly, monthKey],
  ];
  for (const [limit, periodOf] of rules) {
    const periods = new Set<string>();
    for (const backup of newestFirst) {
      if (periods.size >= limit) break;
      const period = periodOf(new Date(backup.takenAt));
      if (periods.has(period)) continue;
      periods.add(period);
      keep.add(backup);
    }
  }
  return keep;
}
