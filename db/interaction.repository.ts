import type { Db } from './connection.js';
import { isVisibleCustomer } from './customer.repository.js';
import { inList } from './in-list.js';
import { isVisibleLead } from './lead.repository.js';
import { preparedSelect } from './prepared-select.js';
import type {
  InteractionRow,
  InteractionType,
  InteractionUpdate,
  NewInteractionRow,
} from './tables/interaction.table.js';
import { updateIfVersion } from './versioned.js';
import { viewerOf, viewerShape, viewerValues, type Viewer, type ViewerShape, type ViewerValues } from './visibility.js';

/** Notes are written about a customer, not with them: they do not count as contact. */
const CONTACT_TYPES: readonly InteractionType[] = ['call', 'email', 'meeting', 'visit', 'chat', 'social'];

export interface InteractionRecord extends InteractionRow {
  created_by_name: string | null;
}

export interface TimelinePageQuery {
  types?: InteractionType[] | undefined;
  /** The last row of the previous page: the page continues strictly after it (older). */
  after?: { occurredAt: string; id: number } | null | undefined;
  limit: number;
  /** Only if the viewer may see the customer or lead: otherwise the page is empty. */
  viewer: Viewer;
}

function withCreator(db: Db) {
  return db
    .selectFrom('interactions as i')
    .leftJoin('users as u', 'u.id', 'i.created_by')
    .selectAll('i')
    .select('u.display_name as created_by_name')
    .where('i.deleted_at', 'is', null);
}

export function findInteraction(db: Db, id: number): Promise<InteractionRecord | undefined> {
  return withCreator(db).where('i.id', '=', id).executeTakeFirst();
}

/** Whose timeline: a customer's, or a lead's (its interactions follow it into the customer it becomes). */
export type TimelineOwner = { customerId: number } | { leadId: number };

const timelinePage = preparedSelect(
  (
    db,
    $: ViewerValues & { ownerId: number; types?: InteractionType[]; afterOccurredAt?: string; afterId?: number; limit: number },
    shape: ViewerShape & { lead: boolean; typed: boolean; after: boolean },
  ) => {
    const viewer = viewerOf(shape, $);
    let query = shape.lead
      ? withCreator(db).where('i.lead_id', '=', $.ownerId).where(isVisibleLead(db, viewer, $.ownerId))
      : withCreator(db).where('i.customer_id', '=', $.ownerId).where(isVisibleCustomer(db, viewer, $.ownerId));
    if (shape.typed) query = query.where(inList('i.type', $.types!));
    if (shape.after) query = query.where((eb) => eb(eb.refTuple('i.occurred_at', 'i.id'), '<', eb.tuple($.afterOccurredAt!, $.afterId!)));
    return query.orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc').limit($.limit);
  },
);

/**
 * One page of a customer's or a lead's timeline, newest first. Keyset paging on (occurred_at, id) walks
 * the interactions_timeline (or interactions_lead_id) index from where the last page stopped, so page
 * 500 costs what page 1 does. The viewer's visibility of the customer or lead is checked in the same
 * query rather than by a query before it (the customer page opens with this one).
 */
export function listTimelinePage(db: Db, owner: TimelineOwner, page: TimelinePageQuery): Promise<InteractionRecord[]> {
  const lead = 'leadId' in owner;
  const typed = !!page.types?.length;
  const { after } = page;
  return timelinePage(
    db,
    viewerValues(page.viewer, {
      ownerId: lead ? owner.leadId : owner.customerId,
      types: page.types,
      afterOccurredAt: after?.occurredAt,
      afterId: after?.id,
      limit: page.limit,
    }),
    viewerShape(page.viewer, { lead, typed, after: !!after }),
  );
}

export interface Participant {
  interaction_id: number;
  id: number;
  name: string;
}

const staffOf = preparedSelect((db, $: { interactionIds: number[] }) =>
  db
    .selectFrom('interaction_staff as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.interaction_id', 'u.id', 'u.display_name as name'])
    .where(inList('s.interaction_id', $.interactionIds))
    .orderBy('u.display_name'),
);

const contactsOf = preparedSelect((db, $: { interactionIds: number[] }) =>
  db
    .selectFrom('interaction_contacts as ic')
    .innerJoin('contacts as k', 'k.id', 'ic.contact_id')
    .select(['ic.interaction_id', 'k.id', 'k.name'])
    .where(inList('ic.interaction_id', $.interactionIds))
    .orderBy('k.name'),
);

/** Colleagues and contacts who took part in the given interactions, in a stable order. */
export async function findParticipants(db: Db, interactionIds: number[]) {
  if (interactionIds.length === 0) return { staff: [] as Participant[], contacts: [] as Participant[] };
  const [staff, contacts] = await Promise.all([staffOf(db, { interactionIds }), contactsOf(db, { interactionIds })]);
  return { staff, contacts };
}

export async function insertInteraction(db: Db, row: NewInteractionRow): Promise<number> {
  const { id } = await db.insertInto('interactions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export const updateInteractionIfVersion = (db: Db, id: number, version: number, changes: InteractionUpdate): Promise<boolean> =>
  updateIfVersion(db, 'interactions', id, version, changes);

export async function replaceParticipants(
  db: Db,
  interactionId: number,
  userIds: number[],
  contactIds: number[],
): Promise<void> {
  await db.deleteFrom('interaction_staff').where('interaction_id', '=', interactionId).execute();
  await db.deleteFrom('interaction_contacts').where('interaction_id', '=', interactionId).execute();
  if (userIds.length > 0) {
    await db
      .insertInto('interaction_staff')
      .values(userIds.map((user_id) => ({ interaction_id: interactionId, user_id })))
      .execute();
  }
  if (contactIds.length > 0) {
    await db
      .insertInto('interaction_contacts')
      .values(contactIds.map((contact_id) => ({ interaction_id: interactionId, contact_id })))
      .execute();
  }
}

/** Of the given ids: the active users, and the live contacts of this customer (a lead has none). */
export async function eligibleParticipants(db: Db, customerId: number | null, userIds: number[], contactIds: number[]) {
  const [users, contacts] = await Promise.all([
    userIds.length === 0
      ? []
      : db.selectFrom('users').select('id').where('id', 'in', userIds).where('disabled_at', 'is', null).execute(),
    contactIds.length === 0 || customerId === null
      ? []
      : db
          .selectFrom('contacts')
          .select('id')
          .where('id', 'in', contactIds)
          .where('customer_id', '=', customerId)
          .where('deleted_at', 'is', null)
          .execute(),
  ]);
  return { userIds: new Set(users.map((u) => u.id)), contactIds: new Set(contacts.map((c) => c.id)) };
}

/**
 * Sets the customer's last contact to its latest live interaction that counts as contact (none: null).
 * Derived data, so the customer's version stays: a colleague editing the customer is not refused for it.
 */
export async function refreshLastContacted(db: Db, customerId: number): Promise<void> {
  await db
    .updateTable('customers')
    .set((eb) => ({
      // Newest first with a limit rather than max(): walks the timeline index and stops at the first hit.
      last_contacted_at: eb
        .selectFrom('interactions')
        .select('occurred_at')
        .where('customer_id', '=', customerId)
        .where('deleted_at', 'is', null)
        .where('type', 'in', CONTACT_TYPES)
        .orderBy('occurred_at', 'desc')
        .limit(1),
    }))
    .where('id', '=', customerId)
    .execute();
}

/** The follow-up date is the customer's own field (edited on its form too), so this is a versioned change. */
export async function setNextFollowUp(db: Db, customerId: number, day: string, now: string): Promise<void> {
  await db
    .updateTable('customers')
    .set((eb) => ({ next_follow_up_on: day, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', customerId)
    .execute();
}
