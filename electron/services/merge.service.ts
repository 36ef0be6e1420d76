import { diffRecords, type FieldChanges } from '../../db/audit.repository.js';
import { listContactsOfCustomer, softDeleteContact, updateContactIfVersion } from '../../db/contact.repository.js';
import type { Db } from '../../db/connection.js';
import { findCustomerTags, findVisibleCustomer, updateCustomerIfVersion } from '../../db/customer.repository.js';
import { addCustomerTags, moveContact, moveCustomerRecords, moveTimeline } from '../../db/merge.repository.js';
import { customerSearch, deleteSearchDocument } from '../../db/search.js';
import type { AuditOp } from '../../db/tables/audit-log.table.js';
import type { ContactRow, ContactUpdate } from '../../db/tables/contact.table.js';
import type { CustomerRow } from '../../db/tables/customer.table.js';
import { mergeFields, type MergeCustomersInput, type MergeField } from '../api/schemas/duplicates.schema.js';
import { auditedContact, recordChange } from './audit-trail.js';
import type { UserContext } from './context.js';
import { nowIso } from './context.js';
import { reindexCustomer } from './customer-search.js';
import { toContact, toCustomer } from './customers.mappers.js';
import { getCustomer, type CustomerDetail } from './customers.service.js';
import { conflict, notFound } from './errors.js';
import { nameColumns } from './validation/name-stem.js';

const FIELD_COLUMNS = {
  name: 'name',
  kind: 'kind',
  industry: 'industry',
  province: 'province',
  city: 'city',
  address: 'address',
  source: 'source',
  stage: 'stage',
  tier: 'tier',
  ownerId: 'owner_id',
  notes: 'notes',
  nextFollowUpOn: 'next_follow_up_on',
} as const satisfies Record<MergeField, keyof CustomerRow>;

type ChosenColumns = Pick<CustomerRow, (typeof FIELD_COLUMNS)[MergeField]>;

const fieldValues = (columns: ChosenColumns) =>
  Object.fromEntries(mergeFields.map((f) => [f, columns[FIELD_COLUMNS[f]]])) as Record<MergeField, unknown>;

const CHANNELS = ['mobile', 'landline', 'email'] as const;
/** Fields a duplicate contact can fill in on its twin when the twin has them empty. */
const FILLABLE = ['title', 'mobile', 'landline', 'email', 'wechat_id', 'birthday', 'gender'] as const;

const foldedName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * The same person: the same name, a shared normalized phone or email, and no channel that says
 * otherwise. Two names on one number (a front desk) stay two contacts.
 */
function isSameContact(a: ContactRow, b: ContactRow): boolean {
  const shares = CHANNELS.some((ch) => a[ch] !== null && a[ch] === b[ch]);
  const differs = CHANNELS.some((ch) => a[ch] !== null && b[ch] !== null && a[ch] !== b[ch]);
  return foldedName(a.name) === foldedName(b.name) && shares && !differs;
}

function missingFields(keep: ContactRow, from: ContactRow): ContactUpdate {
  return Object.fromEntries(FILLABLE.filter((f) => keep[f] === null && from[f] !== null).map((f) => [f, from[f]]));
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

async function visibleOrNotFound(db: Db, ctx: UserContext, id: number) {
  const row = await findVisibleCustomer(db, ctx.user, id);
  if (!row) throw notFound('customer', id);
  return row;
}

/**
 * Moves the merged customer's contacts to the survivor. A contact that is the same person as one the
 * survivor has already (see isSameContact) is not copied: it fills in what the survivor's contact lacks
 * and goes to the trash. Each contact's history says what happened to it.
 */
async function moveContacts(db: Db, ctx: UserContext, survivorId: number, mergedId: number, now: string): Promise<void> {
  const kept = await listContactsOfCustomer(db, survivorId);
  const survivorHasPrimary = kept.some((c) => c.is_primary === 1);
  const record = (entityId: number, op: AuditOp, changes: FieldChanges = {}) =>
    recordChange(db, ctx, now, { entity: 'contact', entityId, customerId: survivorId, op, changes });
  for (const contact of await listContactsOfCustomer(db, mergedId)) {
    const twin = kept.find((k) => isSameContact(k, contact));
    if (twin) {
      const fill = missingFields(twin, contact);
      if (Object.keys(fill).length > 0) {
        const filled = { ...twin, ...fill, version: twin.version + 1 };
        await updateContactIfVersion(db, twin.id, twin.version, { ...fill, updated_at: now });
        await record(twin.id, 'update', diffRecords(auditedContact(toContact(twin)), auditedContact(toContact(filled))));
        Object.assign(twin, filled);
      }
      await softDeleteContact(db, contact.id, ctx.user.id, now);
      await record(contact.id, 'delete');
    } else {
      await moveContact(db, contact.id, survivorId, contact.is_primary === 1 && !survivorHasPrimary, now);
      await record(contact.id, 'merge');
    }
  }
}

const described = (c: { id: number; name: string }) => `${c.name} (#${c.id})`;

/**
 * Merges one customer into another in one transaction: the survivor takes the chosen field values, the
 * merged record's contacts, tags, history, interactions, deals and tasks; the merged record goes to the trash (restorable). Both
 * versions must be current, and the user must be able to edit both records.
 */
export async function mergeCustomers(ctx: UserContext, input: MergeCustomersInput): Promise<CustomerDetail> {
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const survivor = await visibleOrNotFound(trx, ctx, input.survivorId);
    const merged = await visibleOrNotFound(trx, ctx, input.mergedId);
    const [survivorTags, mergedTags] = await Promise.all([findCustomerTags(trx, survivor.id), findCustomerTags(trx, merged.id)]);

    const chosen = Object.fromEntries(
      mergeFields.map((f) => {
        const column = FIELD_COLUMNS[f];
        return [column, (input.choices[f] === 'merged' ? merged : survivor)[column]];
      }),
    ) as ChosenColumns;
    const updated = await updateCustomerIfVersion(trx, survivor.id, input.survivorVersion, {
      ...chosen,
      ...nameColumns(chosen.name),
      last_contacted_at: later(survivor.last_contacted_at, merged.last_contacted_at),
      updated_at: now,
    });
    if (!updated) throw conflict('customer', toCustomer(survivor, survivorTags));
    const trashed = await updateCustomerIfVersion(trx, merged.id, input.mergedVersion, {
      deleted_at: now,
      deleted_by: ctx.user.id,
      updated_at: now,
    });
    if (!trashed) throw conflict('customer', toCustomer(merged, mergedTags));

    await moveContacts(trx, ctx, survivor.id, merged.id, now);
    const tags = [...survivorTags, ...mergedTags.filter((t) => !survivorTags.includes(t))];
    await addCustomerTags(trx, survivor.id, tags);
    await reindexCustomer(trx, survivor.id, chosen.name);
    await deleteSearchDocument(trx, customerSearch, merged.id);
    await moveTimeline(trx, merged.id, survivor.id);
    await moveCustomerRecords(trx, merged.id, survivor.id, now);

    // The survivor's entry names the merged record and the values that changed; the merged record's own
    // (on its own timeline, should it come back from the trash) names the survivor.
    const record = (customerId: number, changes: FieldChanges) =>
      recordChange(trx, ctx, now, { entity: 'customer', entityId: customerId, customerId, op: 'merge', changes });
    await record(survivor.id, {
      mergedFrom: [null, described(merged)],
      ...diffRecords({ ...fieldValues(survivor), tags: survivorTags }, { ...fieldValues(chosen), tags }),
    });
    await record(merged.id, { mergedInto: [null, described({ id: survivor.id, name: chosen.name })] });
  });
  ctx.events.publish({ entity: 'customer', id: input.survivorId, op: 'update' });
  ctx.events.publish({ entity: 'customer', id: input.mergedId, op: 'delete' });
  return getCustomer(ctx, input.survivorId);
}
