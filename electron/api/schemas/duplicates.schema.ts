import { z } from 'zod';
import { id, version } from './fields.js';

export const listDuplicatePairsInput = z.object({
  /** The last pair of the previous page. */
  cursor: z.object({ a: id, b: id }).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const dismissPairInput = z.object({
  customerIds: z.tuple([id, id]),
});

/** The customer fields a merge chooses one record's value for; tags are always joined. */
export const mergeFields = [
  'name',
  'kind',
  'industry',
  'province',
  'city',
  'address',
  'source',
  'stage',
  'tier',
  'ownerId',
  'notes',
  'nextFollowUpOn',
] as const;

export type MergeField = (typeof mergeFields)[number];

const side = z.enum(['survivor', 'merged'], 'invalid');

export const mergeCustomersInput = z
  .object({
    survivorId: id,
    survivorVersion: version,
    mergedId: id,
    mergedVersion: version,
    /** Which record's value each field keeps; a field left out keeps the survivor's. */
    choices: z.partialRecord(z.enum(mergeFields), side).default({}),
  })
  .refine((input) => input.survivorId !== input.mergedId, { message: 'sameCustomer', path: ['mergedId'] });

export type ListDuplicatePairsInput = z.output<typeof listDuplicatePairsInput>;
export type DismissPairInput = z.output<typeof dismissPairInput>;
export type MergeCustomersInput = z.output<typeof mergeCustomersInput>;
