import { findContactsByChannels } from '../../db/contact.repository.js';
import { findCustomersByNameKey, findVisibleCustomer } from '../../db/customer.repository.js';
import type { UserContext } from './context.js';
import { nameKey } from './validation/name-key.js';
import { parsePhone } from './validation/phone.js';

export type DuplicateReason = 'name' | 'mobile' | 'landline' | 'email';

export interface DuplicateMatch {
  reason: DuplicateReason;
  customerId: number;
  customerName: string;
  contactId: number | null;
  contactName: string | null;
  ownerName: string | null;
  /** Whether the asking user may open the match; others still learn it exists, so two reps don't chase one client. */
  visible: boolean;
}

export interface DuplicateProbe {
  /** A company name to match by folded name; person names are too common to match on. */
  companyName?: string | null | undefined;
  mobile?: string | null | undefined;
  landline?: string | null | undefined;
  email?: string | null | undefined;
  excludeCustomerId?: number | undefined;
  excludeContactId?: number | undefined;
}

const normalized = (raw: string | null | undefined, kind: 'mobile' | 'landline') =>
  raw ? (parsePhone(raw, kind)?.normalized ?? null) : null;

/** What a record is matched by: folded company name, normalized phones, lower-cased email. */
export interface DuplicateKeys {
  nameKey: string;
  mobile: string | null;
  landline: string | null;
  email: string | null;
}

export function duplicateKeys(probe: DuplicateProbe): DuplicateKeys {
  return {
    nameKey: probe.companyName ? nameKey(probe.companyName) : '',
    mobile: normalized(probe.mobile, 'mobile'),
    landline: normalized(probe.landline, 'landline'),
    email: probe.email?.trim().toLowerCase() || null,
  };
}

/** Existing live records that look like the one being entered. */
export async function findDuplicates(ctx: UserContext, probe: DuplicateProbe): Promise<DuplicateMatch[]> {
  const matches: Omit<DuplicateMatch, 'visible'>[] = [];
  const { nameKey: key, mobile, landline, email } = duplicateKeys(probe);
  if (key) {
    for (const c of await findCustomersByNameKey(ctx.db, key, probe.excludeCustomerId)) {
      matches.push({ reason: 'name', customerId: c.id, customerName: c.name, contactId: null, contactName: null, ownerName: c.owner_name });
    }
  }
  const contacts = await findContactsByChannels(ctx.db, { mobile, landline, email, excludeContactId: probe.excludeContactId });
  for (const k of contacts) {
    const phones = [k.mobile, k.landline];
    const reason: DuplicateReason =
      mobile && phones.includes(mobile) ? 'mobile' : landline && phones.includes(landline) ? 'landline' : 'email';
    matches.push({
      reason,
      customerId: k.customer_id,
      customerName: k.customer_name,
      contactId: k.id,
      contactName: k.name,
      ownerName: k.owner_name,
    });
  }
  return Promise.all(
    matches.map(async (m) => {
      const visible = !!(await findVisibleCustomer(ctx.db, ctx.user, m.customerId));
      // Of a colleague's customer only its name and owner: who to talk to, not whom they deal with.
      return visible ? { ...m, visible } : { ...m, contactId: null, contactName: null, visible };
    }),
  );
}
