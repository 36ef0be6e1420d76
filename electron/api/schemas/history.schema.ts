import { z } from 'zod';
import { id } from './fields.js';

export const customerHistoryInput = z.object({
  customerId: id,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(20),
});

export type CustomerHistoryInput = z.output<typeof customerHistoryInput>;
