import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../electron/services/backup/files.js';
import { backupsToKeep, DEFAULT_RETENTION } from '../../electron/services/backup/retention.js';
import { dailyCron, isCatchUpDue } from '../../electron/services/daily-schedule.js';

const DAY = 24 * 60 * 60 * 1000;
// Noon UTC is the same calendar day in every time zone between UTC-11 and UTC+11.
const NEWEST = Date.parse('2027-04-05T12:00:00.000Z');
const daysAgo = (n: number) => ({ takenAt: new Date(NEWEST - n * DAY).toISOString(), n });
const localDay = (b: { takenAt: string }) => new Date(b.takenAt).toDateString();

describe('backup retention', () => {
  it('of one backup a day for 400 days keeps the last 14 days, 8 weeks and 12 months', () => {
    const backups = Array.from({ length: 400 }, (_, n) => daysAgo(n));
    const kept = [...backupsToKeep(backups, DEFAULT_RETENTION)].map((b) => b.n).sort((a, b) => a - b);
    const days = Array.from({ length: 14 }, (_, n) => n);
    // 2027-04-05 is a Monday: the weeks before end on the Sundays 1, 8, 15… days back.
    const weeks = [0, 1, 8, 15, 22, 29, 36, 43];
    // The last day of each month back to May 2026: 31 March is 5 days back, 28 February 36, …
    const months = [0, 5, 36, 64, 95, 126, 156, 187, 217, 248, 279, 309];
    expect(kept).toEqual([...new Set([...days, ...weeks, ...months])].sort((a, b) => a - b));
  });

  it('counts only days that have a backup: a PC switched off for weeks keeps its last 14 backups', () => {
    const backups = Array.from({ length: 20 }, (_, n) => daysAgo(n * 5));
    const kept = backupsToKeep(backups, { daily: 14, weekly: 0, monthly: 0 });
    expect([...kept].map((b) => b.n)).toEqual(Array.from({ length: 14 }, (_, n) => n * 5));
  });

  it('keeps every backup of the last 24 hours and the newest of each older day', () => {
    const today = [0, 1, 2].map((h) => ({ takenAt: new Date(NEWEST - h * 3600_000).toISOString(), n: h }));
    const yesterday = [0, 1].map((h) => ({ takenAt: new Date(NEWEST - 2 * DAY - h * 3600_000).toISOString(), n: 100 + h }));
    const kept = backupsToKeep([...today, ...yesterday], DEFAULT_RETENTION);
    expect([...kept].map((b) => b.n).sort((a, b) => a - b)).toEqual([0, 1, 2, 100]);
    expect(new Set([...kept].map(localDay)).size).toBe(2);
  });

  it('never deletes the newest backup, even with every allowance at its smallest', () => {
    const backups = [daysAgo(3), daysAgo(0), daysAgo(40)];
    expect([...backupsToKeep(backups, { daily: 1, weekly: 1, monthly: 1 })]).toContain(backups[1]);
    expect(backupsToKeep([], DEFAULT_RETENTION).size).toBe(0);
  });
});

describe('backup names and schedule', () => {
  it('names a backup by its UTC time and kind, and reads the name back; other files are not backups', () => {
    const name = backupFileName(new Date('2026-03-02T04:30:05.123Z'), 'scheduled', true);
    expect(name).toBe('office-crm-20260302T043005123Z-scheduled.zip.enc');
    expect(parseBackupFileName(name)).toEqual({ takenAt: '2026-03-02T04:30:05.123Z', kind: 'scheduled', encrypted: true });
    for (const other of [`.${name}.partial`, 'office-crm.sqlite', 'office-crm-20260302T043005123Z-other.zip', 'photos.zip']) {
      expect(parseBackupFileName(other)).toBeNull();
    }
  });

  it('runs daily at the configured local time, and catches up when the last good backup is over a day old', () => {
    expect(dailyCron('12:30')).toBe('30 12 * * *');
    expect(dailyCron('08:05')).toBe('5 8 * * *');
    const now = new Date('2026-03-03T09:00:00.000Z');
    expect(isCatchUpDue(null, now)).toBe(true);
    expect(isCatchUpDue('2026-03-02T09:00:00.000Z', now)).toBe(false);
    expect(isCatchUpDue('2026-03-02T08:59:59.000Z', now)).toBe(true);
  });
});
