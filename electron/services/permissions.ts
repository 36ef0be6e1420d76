import type { Role } from '../../db/tables/user.table.js';
import { AppError } from './errors.js';

export type { Role };

/** Every role, in the order screens list them. The owner created the office; admins run it with them. */
export const ROLES = ['owner', 'admin', 'manager', 'sales', 'service', 'marketing', 'finance'] as const satisfies readonly Role[];

/** The business modules the permission matrix covers (settings, users and backups are administration). */
export const MODULES = ['customers', 'leads', 'opportunities', 'interactions', 'tasks'] as const;
export type Module = (typeof MODULES)[number];

export const ACTIONS = ['view', 'create', 'edit', 'delete', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

/** What each role may do, per module; roles and modules missing here may do nothing. */
export type PermissionMatrix = Record<Role, Partial<Record<Module, Action[]>>>;

const ALL: Action[] = [...ACTIONS];
const WORK: Action[] = ['view', 'create', 'edit', 'delete'];
const everything = Object.fromEntries(MODULES.map((module) => [module, ALL])) as Record<Module, Action[]>;

/**
 * A small office's defaults: reps work their own records but do not take the customer list home
 * (no export); service, marketing and finance see what their work needs.
 */
export const DEFAULT_PERMISSIONS: PermissionMatrix = {
  owner: everything,
  admin: everything,
  manager: everything,
  sales: { customers: WORK, leads: WORK, opportunities: WORK, interactions: WORK, tasks: WORK },
  service: { customers: ['view', 'edit'], opportunities: ['view'], interactions: WORK, tasks: WORK },
  marketing: { customers: ['view', 'export'], leads: ALL, opportunities: ['view'], interactions: ['view', 'create'], tasks: WORK },
  finance: { customers: ['view'], opportunities: ['view', 'export'], interactions: ['view'], tasks: ['view', 'create', 'edit'] },
};

/**
 * What a role may do beyond the matrix's modules: one list per capability, the only place these rules
 * are written. The API enforces them; the session tells the interface, which hides what a user may not use.
 */
const CAPABILITY_ROLES = {
  /** Office administration: users, settings, backups, the network, purging the trash, the pipeline. */
  administer: ['owner', 'admin'],
  /** Assigning and reassigning work (leads, customers) to others. */
  assign: ['owner', 'admin', 'manager'],
  /** The public pool (公海): browsing, claiming and releasing is work for the people who sell. */
  pool: ['owner', 'admin', 'manager', 'sales'],
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

export const isAdmin = (role: Role): boolean => may(role, 'administer');
export const mayAssign = (role: Role): boolean => may(role, 'assign');

export function allows(matrix: PermissionMatrix, role: Role, module: Module, action: Action): boolean {
  // The owner can never be locked out of their own office.
  if (role === 'owner') return true;
  return matrix[role]?.[module]?.includes(action) ?? false;
}
