import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../electron/host.js';
import { TestClock } from '../helpers/test-clock.js';
import { apiClient, OWNER, startTestHost } from '../helpers/test-host.js';

const HOUR = 3_600_000;

/** The local time of day of an instant, HH:mm, as the host's cron reads it. */
const localTimeOf = (instant: string | null) => {
  const at = new Date(instant!);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
};

describe('the daily pool recycling schedule', () => {
  it('runs at start-up only when the last check is more than a day old', async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    const first = await startTestHost({ clock });
    const reopen = async (): Promise<Host> => createHost({ dataDir: first.dir, clock, backupSchedule: false });
    let host: Host = first.host;
    try {
      // A new database has never been checked: the first start checks.
      expect((await host.poolRecycling.status()).lastRunAt).toBe('2026-03-02T09:00:00.000Z');
      await first.api.pool.saveSettings.mutate({ recycleEnabled: true, claimLimit: 10, recycleDays: 1, warnDays: 0 });
      const idle = await first.api.customers.create.mutate({ name: '一天没跟进的公司', kind: 'company', stage: 'prospect' });
      await host.close();

      // Back 23 hours later: the last check is recent enough, nothing runs.
      clock.advance(23 * HOUR);
      host = await reopen();
      expect((await host.poolRecycling.status()).lastRunAt).toBe('2026-03-02T09:00:00.000Z');
      await host.close();

      // Back 25 hours after the last check (the PC was off at the scheduled time): the start-up catches up.
      clock.advance(2 * HOUR);
      host = await reopen();
      expect((await host.poolRecycling.status()).lastRunAt).toBe('2026-03-03T10:00:00.000Z');
      const owner = apiClient(host);
      await owner.auth.login.mutate({ username: OWNER.username, password: OWNER.password });
      expect((await owner.customers.get.query({ id: idle.id })).ownerId).toBeNull();
    } finally {
      await host.close();
      rmSync(first.dir, { recursive: true, force: true });
    }
  });

  it('runs daily at the time set in the pool settings (02:00 by default), rescheduled when the owner changes it', async () => {
    const t = await startTestHost({ clock: new TestClock('2026-03-02T09:00:00.000Z') });
    try {
      expect((await t.api.pool.settings.query()).recycleTime).toBe('02:00');
      expect(localTimeOf((await t.host.poolRecycling.status()).nextRunAt)).toBe('02:00');
      await t.api.pool.saveSettings.mutate({ recycleEnabled: true, claimLimit: 10, recycleDays: 30, warnDays: 3, recycleTime: '18:45' });
      await expect.poll(async () => localTimeOf((await t.host.poolRecycling.status()).nextRunAt)).toBe('18:45');
      // Other settings (the lead sources) leave the schedule as it is.
      await t.api.leads.saveSources.mutate({ sources: ['website', '展会'] });
      expect(localTimeOf((await t.host.poolRecycling.status()).nextRunAt)).toBe('18:45');
    } finally {
      await t.close();
    }
  });

  it('records each check, so a check from the schedule moves the catch-up on', async () => {
    const clock = new TestClock('2026-03-02T09:00:00.000Z');
    const t = await startTestHost({ clock });
    try {
      clock.advance(17 * HOUR);
      await t.host.poolRecycling.check();
      expect((await t.host.poolRecycling.status()).lastRunAt).toBe('2026-03-03T02:00:00.000Z');
    } finally {
      await t.close();
    }
  });
});
