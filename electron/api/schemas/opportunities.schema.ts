import { z } from 'zod';
import { DEAL_SORT_COLUMNS, type DealSortKey } from '../../../db/opportunity.repository.js';
import type { Currency } from '../../../db/tables/opportunity.table.js';
import { id, optionalDate, optionalText, requiredText, version } from './fields.js';

/** Currencies a deal may be in (ISO 4217); CNY first, the default. */
export const currencies = ['CNY', 'USD', 'EUR', 'HKD', 'GBP', 'JPY'] as const satisfies readonly Currency[];

/** The largest amount a deal may carry, in minor units: well inside a double's exact integers. */
const MAX_AMOUNT_MINOR = 1e15;

const amountMinor = z.number('invalid').int('invalid').min(0, 'invalid').max(MAX_AMOUNT_MINOR, 'invalid');

const shortList = z
  .array(z.string('invalid').trim().min(1, 'required').max(60, 'tooLong'))
  .max(20, 'tooMany')
  .default([])
  .transform((items) => [...new Set(items)]);

export const lostReason = optionalText(500);

export const dealFields = z.object({
  customerId: id,
  contactId: id.nullish().transform((v) => v ?? null),
  name: requiredText(120),
  amountMinor,
  currency: z.enum(currencies, 'invalid').default('CNY'),
  expectedCloseOn: optionalDate,
  products: shortList,
  competitors: shortList,
  ownerId: id.nullish().transform((v) => v ?? null),
  notes: optionalText(5000),
  lostReason,
});

/** Without a stage, a new deal starts in the pipeline's first open stage. */
export const createDealInput = dealFields.extend({ stageId: id.optional() });

export const updateDealInput = dealFields.extend({ id, version, stageId: id });

export const moveDealInput = z.object({ id, version, stageId: id, lostReason });

export const listDealsInput = z.object({
  search: z.string().trim().max(100, 'tooLong').optional(),
  customerId: id.optional(),
  stageIds: z.array(id).max(50).optional(),
  ownerIds: z.array(id).max(100).optional(),
  closeFrom: optionalDate.transform((v) => v ?? undefined),
  closeTo: optionalDate.transform((v) => v ?? undefined),
  amountMin: amountMinor.optional(),
  amountMax: amountMinor.optional(),
  sort: z.enum(Object.keys(DEAL_SORT_COLUMNS) as [DealSortKey, ...DealSortKey[]]).default('updatedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

const cardsPerColumn = z.number().int().min(1).max(100).default(20);

export const boardInput = z.object({ limit: cardsPerColumn }).default({ limit: 20 });

export const boardColumnInput = z.object({
  stageId: id,
  after: z.object({ stageEnteredAt: z.iso.datetime({ offset: true }), id }),
  limit: cardsPerColumn,
});

export type DealFields = z.output<typeof dealFields>;
export type CreateDealInput = z.output<typeof createDealInput>;
export type UpdateDealInput = z.output<typeof updateDealInput>;
export type MoveDealInput = z.output<typeof moveDealInput>;
export type ListDealsInput = z.output<typeof listDealsInput>;
export type BoardInput = z.output<typeof boardInput>;
export type BoardColumnInput = z.output<typeof boardColumnInput>;
