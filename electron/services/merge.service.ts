import { diffRecords, writeAudit } from '../../db/audit.repository.js';
import { listContactsOfCustomer, softDeleteContact, updateContactIfVersion } from '../../db/contact.repository.js';
import type { Db } from '../../db/connection.js';
import { findCustomerTags, findVisibleCustomer, updateCustomerIfVersion } from '../../db/customer.repository.js';
import { addCustomerTags, moveContact, recordMerge } from '../../db/merge.repository.js';
import { deleteSearchDocument } from '../../db/search.js';
import type { ContactRow, ContactUpdate } from '../../db/tables/contact.table.js';
import type { CustomerRow } from '../../db/tables/customer.table.js';
import { mergeFields, type MergeCustomersInput, type MergeField } from '../api/schemas/duplicates.schema.js';
import type { UserContext } from './context.js';
import { nowIso } from './context.js';
import { reindexCustomer } from './customer-search.js';
import { toCustomer } from './customers.mappers.js';
import { getCustomer, type CustomerDetail } from './customers.service.js';
import { conflict, notFound } from './errors.js';
import { nameKey } from './validation/name-key.js';

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
 * and goes to the trash. Returns what happened to each contact, for the audit log.
 */
async function moveContacts(db: Db, ctx: UserContext, survivorId: number, mergedId: number, now: string) {
  const kept = await listContactsOfCustomer(db, survivorId);
  const survivorHasPrimary = kept.some((c) => c.is_primary === 1);
  const moved: number[] = [];
  const deduplicated: { contactId: number; into: number }[] = [];
  const audit = { entity: 'contact', userId: ctx.user.id, at: now } as const;
  for (const contact of await listContactsOfCustomer(db, mergedId)) {
    const twin = kept.find((k) => isSameContact(k, contact));
    if (twin) {
      const fill = missingFields(twin, contact);
      if (Object.keys(fill).length > 0) {
        await updateContactIfVersion(db, twin.id, twin.version, { ...fill, updated_at: now });
        await writeAudit(db, { ...audit, entityId: twin.id, op: 'update', changes: diffRecords(twin, fill) });
        Object.assign(twin, fill, { version: twin.version + 1 });
      }
      await softDeleteContact(db, contact.id, ctx.user.id, now);
      await writeAudit(db, { ...audit, entityId: contact.id, op: 'delete', changes: { mergedInto: twin.id } });
      deduplicated.push({ contactId: contact.id, into: twin.id });
    } else {
      await moveContact(db, contact.id, survivorId, contact.is_primary === 1 && !survivorHasPrimary, now);
      await writeAudit(db, { ...audit, entityId: contact.id, op: 'update', changes: { customerId: [mergedId, survivorId] } });
      moved.push(contact.id);
    }
  }
  return { moved, deduplicated };
}

/**
 * Merges one customer into another in one transaction: the survivor takes the chosen field values, the
 * merged record's contacts, tags and history; the merged record goes to the trash (restorable). Both
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
      name_key: nameKey(chosen.name),
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

    const contacts = await moveContacts(trx, ctx, survivor.id, merged.id, now);
    const tagsAdded = mergedTags.filter((t) => !survivorTags.includes(t));
    await addCustomerTags(trx, survivor.id, tagsAdded);
    await recordMerge(trx, survivor.id, merged.id, ctx.user.id, now);
    await reindexCustomer(trx, survivor.id, chosen.name);
    await deleteSearchDocument(trx, merged.id);

    const audit = { entity: 'customer', op: 'merge', userId: ctx.user.id, at: now } as const;
    await writeAudit(trx, {
      ...audit,
      entityId: survivor.id,
      changes: {
        mergedId: merged.id,
        mergedName: merged.name,
        choices: input.choices,
        fields: diffRecords(fieldValues(survivor), fieldValues(chosen)),
        contactsMoved: contacts.moved,
        contactsDeduplicated: contacts.deduplicated,
        tagsAdded,
      },
    });
    await writeAudit(trx, { ...audit, entityId: merged.id, changes: { mergedInto: survivor.id, survivorName: chosen.name } });
  });
  ctx.events.publish({ entity: 'customer', id: input.survivorId, op: 'update' });
  ctx.events.publish({ entity: 'customer', id: input.mergedId, op: 'delete' });
  return getCustomer(ctx, input.survivorId);
}
