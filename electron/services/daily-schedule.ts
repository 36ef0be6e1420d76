import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../context.js';

/** Desktop PCs are often off at the backup time: a start more than this long after the last good backup backs up at once. */
export const CATCH_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/** The daily cron expression for a local time of day, HH:MM. */
export function dailyCron(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}

export function isCatchUpDue(lastSuccessAt: string | null, now: Date): boolean {
  return lastSuccessAt === null || now.getTime() - Date.parse(lastSuccessAt) > CATCH_UP_AFTER_MS;
}

export interface SchedulerJob {
  /** Takes the daily backup; refuses (and the scheduler lets it go) when another backup is running. */
  backUp(): Promise<unknown>;
  lastSuccessAt(): Promise<string | null>;
}

/**
 * Runs the daily backup at the configured local time with node-cron, and once at start-up when the
 * last good backup is older than a day. The clock is injected, so tests decide what "now" is.
 */
export class BackupScheduler {
  #task: ScheduledTask | null = null;

  constructor(
    private readonly job: SchedulerJob,
    private readonly clock: Clock,
  ) {}

  /** Schedules the daily run, and resolves once the catch-up backup (if one is due) has finished. */
  async start(time: string): Promise<void> {
    this.reschedule(time);
    if (isCatchUpDue(await this.job.lastSuccessAt(), this.clock.now())) await this.#runQuietly();
  }

  reschedule(time: string): void {
    this.stop();
    this.#task = cron.schedule(dailyCron(time), () => this.#runQuietly(), { name: 'daily-backup', noOverlap: true });
  }

  nextRunAt(): string | null {
    return this.#task?.getNextRun()?.toISOString() ?? null;
  }

  stop(): void {
    void this.#task?.destroy();
    this.#task = null;
  }

  /** The outcome is recorded by the backup itself (status, notification); a scheduled run has no caller to tell. */
  async #runQuietly(): Promise<void> {
    await this.job.backUp().catch(() => {});
  }
}
