import { z } from 'zod';
import { id, timeOfDay, version } from './fields.js';

export const listPoolInput = z.object({
  kind: z.enum(['customers', 'leads']),
  search: z.string().trim().max(100, 'tooLong').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const claimInput = z.object({ kind: z.enum(['customer', 'lead']), id, version });

export const releaseInput = claimInput.extend({
  reason: z.string('required').trim().min(1, 'required').max(500, 'tooLong'),
});

const days = z.number('invalid').int('invalid').min(1, 'invalid').max(3650, 'invalid');

export const poolSettingsInput = z
  .object({
    /** Off until the owner turns it on: an office upgrading (or a demo seeded with old dates) keeps its owners. */
    recycleEnabled: z.boolean('invalid'),
    claimLimit: z.number('invalid').int('invalid').min(1, 'invalid').max(100_000, 'invalid'),
    recycleDays: days,
    warnDays: z.number('invalid').int('invalid').min(0, 'invalid').max(3650, 'invalid'),
    /** The local time of day the recycling runs; a start-up more than a day after the last run catches up. */
    recycleTime: timeOfDay.default('02:00'),
  })
  // The warning comes before the recycling.
  .refine((s) => s.warnDays < s.recycleDays, { message: 'warnBeforeRecycle', path: ['warnDays'] });

export type ListPoolInput = z.output<typeof listPoolInput>;
export type ClaimInput = z.output<typeof claimInput>;
export type ReleaseInput = z.output<typeof releaseInput>;
export type PoolSettings = z.output<typeof poolSettingsInput>;
