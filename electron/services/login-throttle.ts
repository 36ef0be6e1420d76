import type { Clock } from './context.js';
import { AppError } from './errors.js';

export interface ThrottleLimits {
  /** Wrong passwords for one account within the window before it is locked… */
  perAccount: number;
  /** …and from one network address (guessing across many accounts). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };
// Keys kept at most: random user names cannot grow the host's memory without bound.
const MAX_KEYS = 10_000;

/**
 * Slows password guessing: after too many wrong passwords for an account or from an address within the
 * window, logins for it are refused (even with the right password) until the oldest failure ages out.
 * Kept in memory: a restart forgets, which costs a guesser a host restart they cannot cause.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {}

  /** Throws too_many_attempts (with the minutes to wait) when the account or the address is locked. */
  check(username: string, address: string | null): void {
    const now = this.clock.now().getTime();
    const waits = [
      this.#waitMs(accountKey(username), this.limits.perAccount, now),
      address ? this.#waitMs(addressKey(address), this.limits.perAddress, now) : 0,
    ];
    const waitMs = Math.max(...waits);
    if (waitMs > 0) {
      throw new AppError('too_many_attempts', 'Too many wrong passwords; try again later', {
        data: { minutes: Math.ceil(waitMs / 60_000) },
      });
    }
  }

  failed(username: string, address: string | null): void {
    const now = this.clock.now().getTime();
    this.#record(accountKey(username), now);
    if (address) this.#record(addressKey(address), now);
  }

  /** A right password clears the account's count (not the address's: one good login must not reset guessing). */
  succeeded(username: string): void {
    this.#failures.delete(accountKey(username));
  }

  #recent(key: string, now: number): number[] {
    const recent = (this.#failures.get(key) ?? []).filter((at) => now - at < this.limits.windowMs);
    if (recent.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, recent);
    return recent;
  }

  #waitMs(key: string, limit: number, now: number): number {
    const recent = this.#recent(key, now);
    return recent.length < limit ? 0 : recent[recent.length - limit]! + this.limits.windowMs - now;
  }

  #record(key: string, now: number): void {
    const recent = this.#recent(key, now);
    if (recent.length === 0 && this.#failures.size >= MAX_KEYS) {
      this.#failures.delete(this.#failures.keys().next().value!);
    }
    this.#failures.set(key, [...recent, now]);
  }
}

const accountKey = (username: string) => `user:${username.trim().toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;
