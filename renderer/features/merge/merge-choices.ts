import type { CustomerDetail } from '../../api/types';
import type { MergeChoices, MergeField } from './types';

/** The two records on the comparison screen, left and right. */
export type Side = 'a' | 'b';

export const otherSide = (side: Side): Side => (side === 'a' ? 'b' : 'a');

/** A customer's value for each field the merge chooses, as stored (for comparing and defaults). */
export const FIELD_VALUES: Record<MergeField, (c: CustomerDetail) => string | number | null> = {
  name: (c) => c.name,
  kind: (c) => c.kind,
  industry: (c) => c.industry,
  province: (c) => c.province,
  city: (c) => c.city,
  address: (c) => c.address,
  source: (c) => c.source,
  stage: (c) => c.stage,
  tier: (c) => c.tier,
  ownerId: (c) => c.ownerId,
  notes: (c) => c.notes,
  nextFollowUpOn: (c) => c.nextFollowUpOn,
};

export const MERGE_FIELDS = Object.keys(FIELD_VALUES) as MergeField[];

export type Picks = Record<MergeField, Side>;

/** The kept record's value for each field, unless it is empty and the other record has one. */
export function defaultPicks(records: Record<Side, CustomerDetail>, survivor: Side): Picks {
  const other = otherSide(survivor);
  return Object.fromEntries(
    MERGE_FIELDS.map((field) => {
      const empty = FIELD_VALUES[field](records[survivor]) === null;
      const otherHasValue = FIELD_VALUES[field](records[other]) !== null;
      return [field, empty && otherHasValue ? other : survivor];
    }),
  ) as Picks;
}

/** The picks as the API takes them: each field from the survivor or from the merged record. */
export function toChoices(picks: Picks, survivor: Side): MergeChoices {
  return Object.fromEntries(
    MERGE_FIELDS.map((field) => [field, picks[field] === survivor ? 'survivor' : 'merged']),
  ) as MergeChoices;
}
