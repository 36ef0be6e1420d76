import { z } from 'zod';
import { currencies } from './opportunities.schema.js';
import { id, optionalEmail, optionalPhone, optionalText, version } from './fields.js';

export const leadStatuses = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
/** The list a new office starts with; the owner edits it (settings "leads.sources"). */
export const defaultLeadSources = ['website', 'referral', 'exhibition', 'advertising', 'phone', 'social', 'other'];

const source = z.string('invalid').trim().min(1, 'required').max(40, 'tooLong');

export const leadFields = z
  .object({
    companyName: optionalText(120),
    personName: optionalText(60),
    title: optionalText(60),
    mobile: optionalPhone('mobile'),
    landline: optionalPhone('landline'),
    email: optionalEmail,
    wechatId: optionalText(60),
    province: optionalText(30),
    city: optionalText(30),
    notes: optionalText(5000),
    source: source.nullish().transform((v) => v ?? null),
    // A new or edited lead cannot be marked converted by hand: conversion does that.
    status: z.enum(['new', 'contacted', 'qualified', 'unqualified'], 'invalid').default('new'),
    score: z.number('invalid').int('invalid').min(0, 'invalid').max(100, 'invalid').default(0),
  })
  // A lead names at least a company or a person.
  .refine((v) => v.companyName !== null || v.personName !== null, { message: 'required', path: ['companyName'] });

/** manual: ownerId (null puts the lead in the pool); roundRobin: a team; rule: the first matching rule. */
export const assignment = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('manual'), ownerId: id.nullable() }),
  z.object({ mode: z.literal('roundRobin'), teamId: id }),
  z.object({ mode: z.literal('rule') }),
]);

export const createLeadInput = z.object({ fields: leadFields, assign: assignment.optional() });
export const updateLeadInput = z.object({ id, version, fields: leadFields });
export const assignLeadInput = z.object({ id, version, assign: assignment });

export const listLeadsInput = z.object({
  search: z.string().trim().max(100, 'tooLong').optional(),
  statuses: z.array(z.enum(leadStatuses)).max(leadStatuses.length).optional(),
  sources: z.array(source).max(50).optional(),
  ownerIds: z.array(id).max(100).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const convertLeadInput = z.object({
  id,
  version,
  /** Attach the contact to this existing customer instead of creating one. */
  attachToCustomerId: id.nullish().transform((v) => v ?? null),
  /** Create the customer although it looks like an existing one. */
  confirmDuplicates: z.boolean().default(false),
  opportunity: z
    .object({
      name: z.string('required').trim().min(1, 'required').max(120, 'tooLong'),
      amountMinor: z.number('invalid').int('invalid').min(0, 'invalid').default(0),
      currency: z.enum(currencies, 'invalid').default('CNY'),
    })
    .nullish()
    .transform((v) => v ?? null),
});

export const leadSourcesInput = z.object({
  sources: z
    .array(source)
    .min(1, 'required')
    .max(50, 'tooMany')
    .transform((list) => [...new Set(list)]),
});

export const ruleInput = z
  .object({
    matchField: z.enum(['source', 'region'], 'invalid'),
    matchValue: z.string('required').trim().min(1, 'required').max(40, 'tooLong'),
    userId: id.nullish().transform((v) => v ?? null),
    teamId: id.nullish().transform((v) => v ?? null),
  })
  .refine((r) => (r.userId === null) !== (r.teamId === null), { message: 'required', path: ['userId'] });

export const saveRulesInput = z.object({ rules: z.array(ruleInput).max(100, 'tooMany') });

export type LeadFields = z.output<typeof leadFields>;
export type Assignment = z.output<typeof assignment>;
export type CreateLeadInput = z.output<typeof createLeadInput>;
export type UpdateLeadInput = z.output<typeof updateLeadInput>;
export type AssignLeadInput = z.output<typeof assignLeadInput>;
export type ListLeadsInput = z.output<typeof listLeadsInput>;
export type ConvertLeadInput = z.output<typeof convertLeadInput>;
export type SaveRulesInput = z.output<typeof saveRulesInput>;
