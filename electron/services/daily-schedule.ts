import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from './context.js';

/** Desktop PCs are often off at the scheduled time: a start more than this long after the last run runs at once. */
export const CATCH_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/** The daily cron expression for a local time of day, HH:MM. */
export function dailyCron(time: string): string {
  const [hours, minutes] = time.split(':').map(Number);
  return `${minutes} ${hours} * * *`;
}

export function isCatchUpDue(lastRunAt: string | null, now: Date): boolean {
  return lastRunAt === null || now.getTime() - Date.parse(lastRunAt) > CATCH_UP_AFTER_MS;
}

export interface DailyJob {
  /** The work; it records its own outcome (a failed run is logged and left for the next day). */
  run(): Promise<unknown>;
  /** When the work last ran well, or null: decides the catch-up at start-up. */
  lastRunAt(): Promise<string | null>;
}

/**
 * Runs a job daily at a configured local time with node-cron, and once at start-up when its last good run
 * is older than a day (the backup, the pool's recycling). The clock is injected, so tests decide what
 * "now" is.
 */
export class DailySchedule {
  #task: ScheduledTask | null = null;

  constructor(
    private readonly name: string,
    private readonly job: DailyJob,
    private readonly clock: Clock,
  ) {}

  /** Schedules the daily run, and resolves once the catch-up run (if one is due) has finished. */
  async start(time: string): Promise<void> {
    this.reschedule(time);
    if (isCatchUpDue(await this.job.lastRunAt(), this.clock.now())) await this.runNow();
  }

  reschedule(time: string): void {
    this.stop();
    this.#task = cron.schedule(dailyCron(time), () => this.runNow(), { name: this.name, noOverlap: true });
  }

  nextRunAt(): string | null {
    return this.#task?.getNextRun()?.toISOString() ?? null;
  }

  stop(): void {
    void this.#task?.destroy();
    this.#task = null;
  }

  /** What the schedule runs. A scheduled run has no caller to tell: the job records its own outcome. */
  async runNow(): Promise<void> {
    await this.job.run().catch((error: unknown) => console.error(`The daily ${this.name} failed:`, error));
  }
}
