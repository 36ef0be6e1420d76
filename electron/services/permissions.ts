import type { Role } from '../../db/tables/user.table.js';
import { AppError } from './errors.js';

/**
 * What each role may do beyond reading the records it sees: one list per capability, the only place
 * these rules are written. The API enforces them; the session tells the interface, which hides what a
 * user may not use. A new role is one more entry in the lists that apply to it.
 */
const CAPABILITY_ROLES = {
  /** The public pool (公海): browsing, claiming and releasing is work for the people who sell. */
  pool: ['owner', 'manager', 'sales'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITY_ROLES;

export function may(role: Role, capability: Capability): boolean {
  return (CAPABILITY_ROLES[capability] as readonly Role[]).includes(role);
}

export function assertMay(user: { role: Role }, capability: Capability): void {
  if (!may(user.role, capability)) throw new AppError('forbidden', `The ${user.role} role may not use ${capability}`);
}

/** Everything a role may do, for the session the interface reads. */
export function capabilitiesOf(role: Role): Capability[] {
  return (Object.keys(CAPABILITY_ROLES) as Capability[]).filter((capability) => may(role, capability));
}
