import { z } from 'zod';
import { CUSTOMER_SORT_COLUMNS, type CustomerSortKey } from '../../../db/customer.repository.js';
import {
  id,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  requiredText,
  utcInstant,
  version,
} from './fields.js';

export const customerKinds = ['company', 'person'] as const;
export const customerStages = ['prospect', 'interested', 'customer', 'repeat', 'churned'] as const;
export const customerTiers = ['A', 'B', 'C', 'D'] as const;
export const customerSources = ['website', 'referral', 'exhibition', 'advertising', 'phone', 'social', 'other'] as const;
export const genders = ['male', 'female', 'other'] as const;

/** What separates tags in the tag field, an imported cell and the export's, so no tag may contain one: it would come back split. */
export const tagSeparators = [',', '，', ';', '；', '、', '|'] as const;
export const TAG_SEPARATOR = new RegExp(`[${tagSeparators.join('')}]`);

const tag = z
  .string()
  .trim()
  .min(1, 'required')
  .max(30, 'tooLong')
  .refine((t) => !TAG_SEPARATOR.test(t), 'tagSeparator');

export const contactFields = z.object({
  name: requiredText(60),
  title: optionalText(60),
  mobile: optionalPhone('mobile'),
  landline: optionalPhone('landline'),
  email: optionalEmail,
  wechatId: optionalText(60),
  birthday: optionalDate,
  gender: z.enum(genders, 'invalid').nullish().transform((v) => v ?? null),
  isPrimary: z.boolean().default(false),
});

export const customerFields = z.object({
  name: requiredText(120),
  kind: z.enum(customerKinds, 'required'),
  industry: optionalText(60),
  province: optionalText(30),
  city: optionalText(30),
  address: optionalText(200),
  source: z.enum(customerSources, 'invalid').nullish().transform((v) => v ?? null),
  stage: z.enum(customerStages, 'required'),
  tier: z.enum(customerTiers, 'invalid').nullish().transform((v) => v ?? null),
  tags: z
    .array(tag)
    .max(20, 'tooMany')
    .default([])
    .transform((tags) => [...new Set(tags)]),
  ownerId: id.nullish().transform((v) => v ?? null),
  notes: optionalText(5000),
  nextFollowUpOn: optionalDate,
});

/** Duplicates are a warning: the client repeats the call with confirmDuplicates after showing them. */
const confirmDuplicates = z.boolean().default(false);

export const createCustomerInput = customerFields.extend({
  primaryContact: contactFields.omit({ isPrimary: true }).nullish().transform((v) => v ?? null),
  confirmDuplicates,
});

export const updateCustomerInput = customerFields.extend({ id, version });

export const createContactInput = contactFields.extend({ customerId: id, confirmDuplicates });

export const updateContactInput = contactFields.extend({ id, version });

export const checkDuplicatesInput = z.object({
  name: z.string().trim().max(120).nullish(),
  mobile: z.string().trim().max(40).nullish(),
  landline: z.string().trim().max(40).nullish(),
  email: z.string().trim().max(254).nullish(),
  excludeCustomerId: id.optional(),
  excludeContactId: id.optional(),
});

const isoInstant = z.iso.datetime({ offset: true, error: 'invalidDate' });

export const listCustomersInput = z.object({
  search: z.string().trim().max(100, 'tooLong').optional(),
  stages: z.array(z.enum(customerStages)).max(customerStages.length).optional(),
  ownerIds: z.array(id).max(100).optional(),
  tag: z.string().trim().max(30).optional(),
  province: z.string().trim().max(30).optional(),
  city: z.string().trim().max(30).optional(),
  createdFrom: isoInstant.optional(),
  createdTo: isoInstant.optional(),
  lastContactedFrom: utcInstant.optional(),
  lastContactedTo: utcInstant.optional(),
  notContactedSince: utcInstant.optional(),
  nextFollowUpFrom: optionalDate.transform((v) => v ?? undefined),
  nextFollowUpTo: optionalDate.transform((v) => v ?? undefined),
  sort: z.enum(Object.keys(CUSTOMER_SORT_COLUMNS) as [CustomerSortKey, ...CustomerSortKey[]]).default('updatedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export type CustomerFields = z.output<typeof customerFields>;
export type ContactFields = z.output<typeof contactFields>;
export type CreateCustomerInput = z.output<typeof createCustomerInput>;
export type UpdateCustomerInput = z.output<typeof updateCustomerInput>;
export type CreateContactInput = z.output<typeof createContactInput>;
export type UpdateContactInput = z.output<typeof updateContactInput>;
export type CheckDuplicatesInput = z.output<typeof checkDuplicatesInput>;
export type ListCustomersInput = z.output<typeof listCustomersInput>;
