import type { EventBus } from '../events.js';
import type { Clock, SessionUser } from './context.js';

/** A page that stops saying it is open (closed, crashed, offline) drops out after this long. */
export const PRESENCE_TTL_MS = 45_000;

export interface Viewer {
  userId: number;
  displayName: string;
  editing: boolean;
}

interface Entry extends Viewer {
  seenAt: number;
}

/**
 * Who has which record open, and whether they are editing it: kept in memory on the host (it is
 * momentary, never worth a write), told to the other viewers as a 'presence' change event.
 */
export class PresenceBoard {
  // record key ("customer:12") → user id → entry
  readonly #records = new Map<string, Map<number, Entry>>();

  constructor(
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  /** The page is open (again); returns the others on it. */
  here(user: SessionUser, record: { entity: 'customer'; id: number }, editing: boolean): Viewer[] {
    const key = `${record.entity}:${record.id}`;
    const viewers = this.#records.get(key) ?? new Map<number, Entry>();
    this.#records.set(key, viewers);
    const before = viewers.get(user.id);
    viewers.set(user.id, { userId: user.id, displayName: user.displayName, editing, seenAt: this.clock.now().getTime() });
    if (!before || before.editing !== editing) this.#announce(record.id);
    return this.others(user, record);
  }

  leave(user: SessionUser, record: { entity: 'customer'; id: number }): void {
    if (this.#records.get(`${record.entity}:${record.id}`)?.delete(user.id)) this.#announce(record.id);
  }

  others(user: SessionUser, record: { entity: 'customer'; id: number }): Viewer[] {
    const viewers = this.#records.get(`${record.entity}:${record.id}`);
    if (!viewers) return [];
    const now = this.clock.now().getTime();
    const present: Viewer[] = [];
    for (const entry of viewers.values()) {
      if (now - entry.seenAt >= PRESENCE_TTL_MS) viewers.delete(entry.userId);
      else if (entry.userId !== user.id) present.push({ userId: entry.userId, displayName: entry.displayName, editing: entry.editing });
    }
    return present.sort((a, b) => Number(b.editing) - Number(a.editing) || a.displayName.localeCompare(b.displayName));
  }

  #announce(customerId: number): void {
    this.events.publish({ entity: 'presence', id: customerId, op: 'update' });
  }
}
