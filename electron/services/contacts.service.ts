import { createdRecord, diffRecords } from '../../db/audit.repository.js';
import {
  clearPrimaryContact,
  findContact,
  insertContact,
  softDeleteContact,
  updateContactIfVersion,
} from '../../db/contact.repository.js';
import type { Db } from '../../db/connection.js';
import { findVisibleCustomer } from '../../db/customer.repository.js';
import type { NewContactRow } from '../../db/tables/contact.table.js';
import type { ContactFields, CreateContactInput, UpdateContactInput } from '../api/schemas/customers.schema.js';
import { auditedContact, recordChange } from './audit-trail.js';
import type { UserContext } from './context.js';
import { nowIso } from './context.js';
import { reindexCustomer } from './customer-search.js';
import { toContact, type Contact } from './customers.mappers.js';
import { findDuplicates } from './duplicates.service.js';
import { AppError, notFound } from './errors.js';
import { staleVersion } from './stale-version.js';
import { parsePhone } from './validation/phone.js';

/** The stored row for validated contact fields: phones normalized, so matching ignores formatting. */
export function contactRow(customerId: number, fields: ContactFields, now: string): NewContactRow {
  return {
    customer_id: customerId,
    name: fields.name,
    title: fields.title,
    mobile: fields.mobile ? (parsePhone(fields.mobile, 'mobile')?.normalized ?? null) : null,
    landline: fields.landline ? (parsePhone(fields.landline, 'landline')?.normalized ?? null) : null,
    email: fields.email,
    wechat_id: fields.wechatId,
    birthday: fields.birthday,
    gender: fields.gender,
    is_primary: fields.isPrimary ? 1 : 0,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    deleted_by: null,
    version: 1,
  };
}

/** The contact's customer, if the user may see it: contacts are only reachable through their customer. */
async function visibleCustomerOf(db: Db, ctx: UserContext, customerId: number) {
  const customer = await findVisibleCustomer(db, ctx.user, customerId);
  if (!customer) throw notFound('customer', customerId);
  return customer;
}

async function visibleContact(db: Db, ctx: UserContext, id: number) {
  const contact = await findContact(db, id);
  if (!contact) throw notFound('contact', id);
  const customer = await visibleCustomerOf(db, ctx, contact.customer_id).catch(() => {
    throw notFound('contact', id);
  });
  return { contact, customer };
}

/** Makes `contactId` the customer's only primary contact; the others that lose the flag are audited too. */
async function makeOnlyPrimary(db: Db, ctx: UserContext, customerId: number, contactId: number, now: string): Promise<number[]> {
  const cleared = await clearPrimaryContact(db, customerId, contactId, now);
  for (const id of cleared) {
    await recordChange(db, ctx, now, { entity: 'contact', entityId: id, customerId, op: 'update', changes: { isPrimary: [true, false] } });
  }
  return cleared;
}

function publishPrimaryCleared(ctx: UserContext, ids: number[]): void {
  for (const id of ids) ctx.events.publish({ entity: 'contact', id, op: 'update' });
}

export async function createContact(ctx: UserContext, input: CreateContactInput): Promise<Contact> {
  await visibleCustomerOf(ctx.db, ctx, input.customerId);
  if (!input.confirmDuplicates) {
    const matches = await findDuplicates(ctx, input);
    if (matches.length > 0) throw new AppError('duplicate', 'Possible duplicate', { data: matches });
  }
  const now = nowIso(ctx.clock);
  const { contact, cleared } = await ctx.db.transaction().execute(async (trx) => {
    const customer = await visibleCustomerOf(trx, ctx, input.customerId);
    const id = await insertContact(trx, contactRow(customer.id, input, now));
    const created = toContact((await findContact(trx, id))!);
    await recordChange(trx, ctx, now, {
      entity: 'contact',
      entityId: id,
      customerId: customer.id,
      op: 'create',
      changes: createdRecord(auditedContact(created)),
    });
    const cleared = input.isPrimary ? await makeOnlyPrimary(trx, ctx, customer.id, id, now) : [];
    await reindexCustomer(trx, customer.id, customer.name);
    return { contact: created, cleared };
  });
  ctx.events.publish({ entity: 'contact', id: contact.id, op: 'create' });
  publishPrimaryCleared(ctx, cleared);
  ctx.events.publish({ entity: 'customer', id: contact.customerId, op: 'update' });
  return contact;
}

export async function updateContact(ctx: UserContext, input: UpdateContactInput): Promise<Contact> {
  const now = nowIso(ctx.clock);
  const { contact, cleared } = await ctx.db.transaction().execute(async (trx) => {
    const { contact: beforeRow, customer } = await visibleContact(trx, ctx, input.id);
    const before = toContact(beforeRow);
    const { customer_id: _c, created_at: _ca, ...changes } = contactRow(customer.id, input, now);
    const ok = await updateContactIfVersion(trx, input.id, input.version, changes);
    if (!ok) throw await staleVersion(trx, 'contact', before);
    const after = toContact((await findContact(trx, input.id))!);
    await recordChange(trx, ctx, now, {
      entity: 'contact',
      entityId: input.id,
      customerId: customer.id,
      op: 'update',
      changes: diffRecords(auditedContact(before), auditedContact(after)),
    });
    const cleared = input.isPrimary ? await makeOnlyPrimary(trx, ctx, customer.id, input.id, now) : [];
    await reindexCustomer(trx, customer.id, customer.name);
    return { contact: after, cleared };
  });
  ctx.events.publish({ entity: 'contact', id: contact.id, op: 'update' });
  publishPrimaryCleared(ctx, cleared);
  ctx.events.publish({ entity: 'customer', id: contact.customerId, op: 'update' });
  return contact;
}

export async function deleteContact(ctx: UserContext, id: number): Promise<void> {
  const now = nowIso(ctx.clock);
  const customerId = await ctx.db.transaction().execute(async (trx) => {
    const { customer } = await visibleContact(trx, ctx, id);
    await softDeleteContact(trx, id, ctx.user.id, now);
    await reindexCustomer(trx, customer.id, customer.name);
    await recordChange(trx, ctx, now, { entity: 'contact', entityId: id, customerId: customer.id, op: 'delete', changes: {} });
    return customer.id;
  });
  ctx.events.publish({ entity: 'contact', id, op: 'delete' });
  ctx.events.publish({ entity: 'customer', id: customerId, op: 'update' });
}
