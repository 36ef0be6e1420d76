import { createdRecord } from '../../db/audit.repository.js';
import { findContact, insertContact } from '../../db/contact.repository.js';
import type { Db } from '../../db/connection.js';
import { findVisibleCustomer } from '../../db/customer.repository.js';
import { moveLeadHistoryToCustomer, updateLeadIfVersion } from '../../db/lead.repository.js';
import { customerSources, type ContactFields } from '../api/schemas/customers.schema.js';
import type { ConvertLeadInput } from '../api/schemas/leads.schema.js';
import { auditedContact, recordChange } from './audit-trail.js';
import { contactRow } from './contacts.service.js';
import { nowIso, type UserContext } from './context.js';
import { toContact } from './customers.mappers.js';
import { createCustomerInTransaction } from './customers.service.js';
import { findDuplicates } from './duplicates.service.js';
import { AppError, invalid } from './errors.js';
import { loadVisibleLead } from './leads.service.js';
import type { Lead } from './leads.mappers.js';
import { createDealInTransaction } from './opportunities.service.js';
import { staleVersion } from './stale-version.js';

export interface Conversion {
  lead: Lead;
  customerId: number;
  contactId: number | null;
  opportunityId: number | null;
}

/** The lead's person as a contact; a lead with only a company has none. */
function contactOf(lead: Lead): Omit<ContactFields, 'isPrimary'> | null {
  if (!lead.personName) return null;
  return {
    name: lead.personName,
    title: lead.title,
    mobile: lead.mobile,
    landline: lead.landline,
    email: lead.email,
    wechatId: lead.wechatId,
    birthday: null,
    gender: null,
  };
}

/** The customer's source: the lead's when it is one customers know, otherwise "other". */
function customerSource(source: string | null) {
  if (source === null) return null;
  return (customerSources as readonly string[]).includes(source) ? (source as (typeof customerSources)[number]) : 'other';
}

async function attachContact(trx: Db, ctx: UserContext, customerId: number, lead: Lead, now: string): Promise<number | null> {
  const fields = contactOf(lead);
  if (!fields) return null;
  const id = await insertContact(trx, contactRow(customerId, { ...fields, isPrimary: false }, now));
  const created = toContact((await findContact(trx, id))!);
  await recordChange(trx, ctx, now, { entity: 'contact', entityId: id, customerId, op: 'create', changes: createdRecord(auditedContact(created)) });
  return id;
}

/**
 * Turns a lead into a customer and contact (or a contact of an existing customer), optionally with a
 * deal, in one transaction. Possible duplicates are refused first (code duplicate, the matches as data)
 * until the user attaches to one of them or confirms. The lead's history moves to the customer.
 */
export async function convertLead(ctx: UserContext, input: ConvertLeadInput): Promise<Conversion> {
  const lead = await loadVisibleLead(ctx.db, ctx, input.id);
  if (lead.status === 'converted') throw invalid({ status: 'leadConverted' });
  if (input.attachToCustomerId === null && !input.confirmDuplicates) {
    const matches = await findDuplicates(ctx, { companyName: lead.companyName, mobile: lead.mobile, landline: lead.landline, email: lead.email });
    if (matches.length > 0) throw new AppError('duplicate', 'Possible duplicate', { data: matches });
  }
  const now = nowIso(ctx.clock);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const current = await loadVisibleLead(trx, ctx, input.id);
    let customerId: number;
    let contactId: number | null;
    if (input.attachToCustomerId !== null) {
      if (!(await findVisibleCustomer(trx, ctx.user, input.attachToCustomerId))) throw invalid({ attachToCustomerId: 'invalid' });
      customerId = input.attachToCustomerId;
      contactId = await attachContact(trx, ctx, customerId, current, now);
    } else {
      const customer = await createCustomerInTransaction(
        trx,
        ctx,
        {
          name: current.companyName ?? current.personName!,
          kind: current.companyName ? 'company' : 'person',
          industry: null,
          province: current.province,
          city: current.city,
          address: null,
          source: customerSource(current.source),
          stage: 'prospect',
          tier: null,
          tags: [],
          ownerId: current.ownerId ?? ctx.user.id,
          notes: current.notes,
          nextFollowUpOn: null,
          primaryContact: contactOf(current),
        },
        now,
      );
      customerId = customer.id;
      contactId = customer.contacts[0]?.id ?? null;
    }
    const ok = await updateLeadIfVersion(trx, input.id, input.version, {
      status: 'converted',
      converted_customer_id: customerId,
      converted_at: now,
      updated_at: now,
    });
    if (!ok) throw await staleVersion(trx, 'lead', current);
    await recordChange(trx, ctx, now, {
      entity: 'lead',
      entityId: input.id,
      customerId,
      op: 'update',
      changes: { status: [current.status, 'converted'], convertedCustomerId: [null, customerId] },
    });
    await moveLeadHistoryToCustomer(trx, input.id, customerId);
    const deal = input.opportunity
      ? await createDealInTransaction(
          trx,
          ctx,
          { ...input.opportunity, customerId, contactId, expectedCloseOn: null, products: [], competitors: [], ownerId: current.ownerId, notes: null, lostReason: null, stageId: undefined },
          now,
        )
      : null;
    return { lead: await loadVisibleLead(trx, ctx, input.id), customerId, contactId, opportunityId: deal?.id ?? null };
  });
  ctx.events.publish({ entity: 'lead', id: input.id, op: 'update' });
  ctx.events.publish({ entity: 'customer', id: result.customerId, op: input.attachToCustomerId === null ? 'create' : 'update' });
  if (result.contactId !== null) ctx.events.publish({ entity: 'contact', id: result.contactId, op: 'create' });
  if (result.opportunityId !== null) ctx.events.publish({ entity: 'opportunity', id: result.opportunityId, op: 'create' });
  return result;
}
