import { z } from 'zod';
import { id } from './fields.js';

const page = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(20),
});

export const customerHistoryInput = page.extend({ customerId: id });
export const leadHistoryInput = page.extend({ leadId: id });

export type CustomerHistoryInput = z.output<typeof customerHistoryInput>;
export type LeadHistoryInput = z.output<typeof leadHistoryInput>;
