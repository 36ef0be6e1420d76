import type { DealCardRow, DealDetailRow } from '../../db/opportunity.repository.js';
import type { Currency } from '../../db/tables/opportunity.table.js';

/** A deal as a board card or list row shows it. */
export interface DealCard {
  id: number;
  name: string;
  customerId: number;
  customerName: string;
  amountMinor: number;
  currency: Currency;
  expectedCloseOn: string | null;
  stageId: number;
  ownerId: number | null;
  ownerName: string | null;
  stageEnteredAt: string;
  lastActivityAt: string | null;
  closedAt: string | null;
  /** Open, with no stage change or activity for the pipeline's idle days. */
  idle: boolean;
  updatedAt: string;
  version: number;
}

export interface Deal extends DealCard {
  contactId: number | null;
  contactName: string | null;
  products: string[];
  competitors: string[];
  notes: string | null;
  lostReason: string | null;
  wonAt: string | null;
  lostAt: string | null;
  createdAt: string;
}

/** Idle when open and neither its stage nor any activity is newer than `idleBefore`. */
function isIdle(row: Pick<DealCardRow, 'closed_at' | 'stage_entered_at' | 'last_activity_at'>, idleBefore: string): boolean {
  if (row.closed_at !== null) return false;
  const lastMoved = row.last_activity_at && row.last_activity_at > row.stage_entered_at ? row.last_activity_at : row.stage_entered_at;
  return lastMoved < idleBefore;
}

export function toDealCard(row: DealCardRow, idleBefore: string): DealCard {
  return {
    id: row.id,
    name: row.name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    amountMinor: row.amount_minor,
    currency: row.currency,
    expectedCloseOn: row.expected_close_on,
    stageId: row.stage_id,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    stageEnteredAt: row.stage_entered_at,
    lastActivityAt: row.last_activity_at,
    closedAt: row.closed_at,
    idle: isIdle(row, idleBefore),
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toDeal(row: DealDetailRow, idleBefore: string): Deal {
  return {
    ...toDealCard(row, idleBefore),
    contactId: row.contact_id,
    contactName: row.contact_name,
    products: JSON.parse(row.products) as string[],
    competitors: JSON.parse(row.competitors) as string[],
    notes: row.notes,
    lostReason: row.lost_reason,
    wonAt: row.won_at,
    lostAt: row.lost_at,
    createdAt: row.created_at,
  };
}
