import type { Clock } from '../../electron/services/context.js';

/** A clock the test moves by hand: expiry and scheduling are tested without waiting. */
export class TestClock implements Clock {
  #now: number;

  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.#now = Date.parse(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
