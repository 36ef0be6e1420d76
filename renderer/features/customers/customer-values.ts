import type {
  customerKinds,
  customerSources,
  customerStages,
  customerTiers,
  genders,
  tagSeparators,
} from '../../../electron/api/schemas/customers.schema';
import type { CustomerStage } from '../../api/types';

// The API's enums, repeated here because the renderer may import its types only; typed as the API's
// tuples, so a value added there fails the type check here until it is added (and translated).
export const CUSTOMER_KINDS: typeof customerKinds = ['company', 'person'];
export const CUSTOMER_STAGES: typeof customerStages = ['prospect', 'interested', 'customer', 'repeat', 'churned'];
export const CUSTOMER_TIERS: typeof customerTiers = ['A', 'B', 'C', 'D'];
export const CUSTOMER_SOURCES: typeof customerSources = [
  'website',
  'referral',
  'exhibition',
  'advertising',
  'phone',
  'social',
  'other',
];
export const GENDERS: typeof genders = ['male', 'female', 'other'];
/** Typed in the tag field, each of these ends a tag (a tag may not contain one). */
export const TAG_SEPARATORS: typeof tagSeparators = [',', '，', ';', '；', '、', '|'];

export const STAGE_COLORS: Record<CustomerStage, string> = {
  prospect: 'gray',
  interested: 'blue',
  customer: 'green',
  repeat: 'teal',
  churned: 'red',
};

/** The customer fields a user edits, with the labels the customer screens give them. */
export const CUSTOMER_FIELD_LABELS = {
  name: 'customer.name',
  kind: 'customer.kind',
  industry: 'customer.industry',
  province: 'customer.province',
  city: 'customer.city',
  address: 'customer.address',
  source: 'customer.source',
  stage: 'customer.stage',
  tier: 'customer.tier',
  ownerId: 'customer.owner',
  notes: 'customer.notes',
  nextFollowUpOn: 'customer.nextFollowUpOn',
} as const;
