import {
  countTrash,
  findContactAnyState,
  findCustomerAnyState,
  hasLivePrimaryContact,
  listAllContactsOfCustomer,
  listContactsDeletedWith,
  listTrashPage,
  purgeContact,
  purgeCustomer,
  restoreContact,
  restoreContactsDeletedWith,
  restoreCustomer,
  type TrashKind,
  type TrashRow,
} from '../../db/trash.repository.js';
import type { ListTrashInput, RestoreInput, TrashItemInput } from '../api/schemas/trash.schema.js';
import { publishWithContacts, recordChange, recordWithContacts, type CascadeRecord } from './audit-trail.js';
import type { UserContext } from './context.js';
import { nowIso } from './context.js';
import { reindexCustomer } from './customer-search.js';
import { toContact } from './customers.mappers.js';
import { findDuplicates, type DuplicateMatch, type DuplicateProbe } from './duplicates.service.js';
import { AppError, notFound } from './errors.js';
import { isAdmin } from './permissions.js';

export interface TrashItem {
  kind: TrashKind;
  id: number;
  name: string;
  /** The customer itself, or the contact's customer. */
  customerId: number;
  customerName: string;
  /** For a contact: its customer is in the trash too, so restore the customer first. */
  customerDeleted: boolean;
  /** For a customer: the contacts a restore brings back with it. */
  contacts: number;
  deletedAt: string;
  deletedById: number | null;
  deletedByName: string | null;
  version: number;
}

/** Why a restore or purge found the entry no longer as the user saw it: the `data` of its 'conflict' error. */
export interface TrashConflict {
  reason: 'alreadyRestored' | 'changed' | 'customerDeleted';
}

function toTrashItem(row: TrashRow): TrashItem {
  return {
    kind: row.kind,
    id: row.id,
    name: row.name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerDeleted: row.customer_deleted === 1,
    contacts: row.contacts,
    deletedAt: row.deleted_at,
    deletedById: row.deleted_by,
    deletedByName: row.deleted_by_name,
    version: row.version,
  };
}

export async function listTrash(ctx: UserContext, input: ListTrashInput): Promise<{ items: TrashItem[]; total: number }> {
  const [rows, total] = await Promise.all([listTrashPage(ctx.db, ctx.user, input), countTrash(ctx.db, ctx.user, input)]);
  return { items: rows.map(toTrashItem), total };
}

const trashConflict = (reason: TrashConflict['reason']) =>
  new AppError('conflict', `Not in the trash as it was shown: ${reason}`, { data: { reason } satisfies TrashConflict });

interface TrashState {
  deleted_at: string | null;
  version: number;
  deleted_with_customer?: number;
}

/** Throws unless the entry is in the trash (on its own) at the version the user saw. */
function assertInTrash<T extends TrashState>(item: TrashItemInput, row: T | undefined): asserts row is T {
  if (!row) throw notFound(item.kind, item.id);
  if (row.deleted_at === null) throw trashConflict('alreadyRestored');
  if (row.version !== item.version || row.deleted_with_customer === 1) throw trashConflict('changed');
}

/** Restoring is allowed when it duplicates a live record, but only once the user has seen the matches. */
async function refuseDuplicates(ctx: UserContext, probes: DuplicateProbe[]): Promise<void> {
  const matches = new Map<string, DuplicateMatch>();
  for (const probe of probes) {
    for (const m of await findDuplicates(ctx, probe)) matches.set(`${m.reason}:${m.customerId}:${m.contactId}`, m);
  }
  if (matches.size > 0) throw new AppError('duplicate', 'Possible duplicate', { data: [...matches.values()] });
}

/** Takes an entry out of the trash; a customer comes back with the contacts deleted together with it. */
export function restoreFromTrash(ctx: UserContext, input: RestoreInput): Promise<{ customerId: number }> {
  return input.kind === 'customer' ? restoreCustomerWithContacts(ctx, input) : restoreOneContact(ctx, input);
}

async function restoreCustomerWithContacts(ctx: UserContext, input: RestoreInput): Promise<{ customerId: number }> {
  const { id } = input;
  // Checked before the duplicate warning, so a stale trash page gets the conflict, not a warning.
  const seen = await findCustomerAnyState(ctx.db, ctx.user, id);
  assertInTrash(input, seen);
  if (!input.confirmDuplicates) {
    const contacts = (await listContactsDeletedWith(ctx.db, id)).map(toContact);
    await refuseDuplicates(ctx, [
      { companyName: seen.kind === 'company' ? seen.name : null },
      ...contacts.map((c) => ({ mobile: c.mobile, landline: c.landline, email: c.email })),
    ]);
  }
  const now = nowIso(ctx.clock);
  const contactIds = await ctx.db.transaction().execute(async (trx) => {
    const customer = await findCustomerAnyState(trx, ctx.user, id);
    assertInTrash(input, customer);
    await restoreCustomer(trx, id, now);
    const contactIds = await restoreContactsDeletedWith(trx, id, now);
    await reindexCustomer(trx, id, customer.name);
    await recordWithContacts(trx, ctx, now, 'restore', { id }, contactIds.map((contactId) => ({ id: contactId })));
    return contactIds;
  });
  publishWithContacts(ctx, 'restore', id, contactIds);
  return { customerId: id };
}

async function restoreOneContact(ctx: UserContext, input: RestoreInput): Promise<{ customerId: number }> {
  const { id } = input;
  const seen = await findContactAnyState(ctx.db, ctx.user, id);
  assertInTrash(input, seen);
  if (seen.customer_deleted_at !== null) throw trashConflict('customerDeleted');
  if (!input.confirmDuplicates) {
    const contact = toContact(seen);
    await refuseDuplicates(ctx, [{ mobile: contact.mobile, landline: contact.landline, email: contact.email }]);
  }
  const now = nowIso(ctx.clock);
  const customerId = await ctx.db.transaction().execute(async (trx) => {
    const contact = await findContactAnyState(trx, ctx.user, id);
    assertInTrash(input, contact);
    const { customer_id: customerId, customer_name: customerName, customer_deleted_at: customerDeletedAt } = contact;
    if (customerDeletedAt !== null) throw trashConflict('customerDeleted');
    // Restoring never takes the primary flag from the contact that holds it now.
    const wasPrimary = contact.is_primary === 1;
    const isPrimary = wasPrimary && !(await hasLivePrimaryContact(trx, customerId));
    await restoreContact(trx, id, now, isPrimary);
    await reindexCustomer(trx, customerId, customerName);
    await recordChange(trx, ctx, now, {
      entity: 'contact',
      entityId: id,
      customerId,
      op: 'restore',
      changes: wasPrimary === isPrimary ? {} : { isPrimary: [wasPrimary, isPrimary] },
    });
    return customerId;
  });
  ctx.events.publish({ entity: 'contact', id, op: 'restore' });
  ctx.events.publish({ entity: 'customer', id: customerId, op: 'update' });
  return { customerId };
}

/** Only the owner may destroy records for good (until the full permission model comes). */
function assertMayPurge(ctx: UserContext): void {
  if (!isAdmin(ctx.user.role)) throw new AppError('forbidden', 'Only the owner or an administrator may purge records');
}

/** A purge entry names what was removed, so the audit trail still says what it was. */
const purged = (record: { id: number; name: string }): Required<CascadeRecord> => ({ id: record.id, changes: { name: [record.name, null] } });

/**
 * Deletes an entry of the trash for good: a customer with all its contacts, tags and search documents.
 * Audit entries stay, with one 'purge' entry per removed record naming what it was.
 */
export async function purgeFromTrash(ctx: UserContext, input: TrashItemInput): Promise<void> {
  assertMayPurge(ctx);
  const now = nowIso(ctx.clock);
  if (input.kind === 'customer') {
    const contactIds = await ctx.db.transaction().execute(async (trx) => {
      const customer = await findCustomerAnyState(trx, ctx.user, input.id);
      assertInTrash(input, customer);
      const contacts = await listAllContactsOfCustomer(trx, input.id);
      await purgeCustomer(trx, input.id);
      await recordWithContacts(trx, ctx, now, 'purge', purged(customer), contacts.map(purged));
      return contacts.map((c) => c.id);
    });
    return publishWithContacts(ctx, 'purge', input.id, contactIds);
  }
  const customerId = await ctx.db.transaction().execute(async (trx) => {
    const contact = await findContactAnyState(trx, ctx.user, input.id);
    assertInTrash(input, contact);
    await purgeContact(trx, input.id);
    await recordChange(trx, ctx, now, {
      entity: 'contact',
      entityId: input.id,
      customerId: contact.customer_id,
      op: 'purge',
      changes: purged(contact).changes,
    });
    return contact.customer_id;
  });
  ctx.events.publish({ entity: 'contact', id: input.id, op: 'purge' });
  ctx.events.publish({ entity: 'customer', id: customerId, op: 'update' });
}
