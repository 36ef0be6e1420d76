import { z } from 'zod';
import { id, version } from './fields.js';

export const trashKinds = ['customer', 'contact'] as const;

export const listTrashInput = z.object({
  search: z.string().trim().max(100, 'tooLong').optional(),
  kind: z.enum(trashKinds).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

/** One entry of the trash, at the version the user saw (a stale one gets a conflict). */
export const trashItemInput = z.object({ kind: z.enum(trashKinds), id, version });

/** Duplicates are a warning: the client repeats the call with confirmDuplicates after showing them. */
export const restoreInput = trashItemInput.extend({ confirmDuplicates: z.boolean().default(false) });

export type ListTrashInput = z.output<typeof listTrashInput>;
export type TrashItemInput = z.output<typeof trashItemInput>;
export type RestoreInput = z.output<typeof restoreInput>;
