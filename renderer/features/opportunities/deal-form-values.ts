import type { FieldLabels } from '../live/ConflictDialog';
import type { Currency, DealDetail } from './types';
import { toMajor, toMinor } from './useMoney';

/** Form state: ids as select text, the amount in major units as typed, '' for an empty text. */
export interface DealFormValues {
  customerId: string | null;
  contactId: string | null;
  name: string;
  amount: number | string;
  currency: Currency;
  expectedCloseOn: string | null;
  stageId: string | null;
  ownerId: string | null;
  products: string[];
  competitors: string[];
  notes: string;
  lostReason: string;
}

export const DEAL_FIELD_LABELS: FieldLabels<DealFormValues> = {
  customerId: 'opportunities.field.customer',
  contactId: 'opportunities.field.contact',
  name: 'opportunities.field.name',
  amount: 'opportunities.field.amount',
  currency: 'opportunities.field.currency',
  expectedCloseOn: 'opportunities.field.expectedCloseOn',
  stageId: 'opportunities.field.stage',
  ownerId: 'opportunities.field.owner',
  products: 'opportunities.field.products',
  competitors: 'opportunities.field.competitors',
  notes: 'opportunities.field.notes',
  lostReason: 'opportunities.field.lostReason',
};

export interface NewDealDefaults {
  customerId?: number;
  ownerId: number;
  stageId?: number;
}

const idText = (id: number | null | undefined) => (id === null || id === undefined ? null : String(id));
const idOf = (text: string | null) => (text === null ? null : Number(text));

export const newDealValues = (defaults: NewDealDefaults): DealFormValues => ({
  customerId: idText(defaults.customerId),
  contactId: null,
  name: '',
  amount: '',
  currency: 'CNY',
  expectedCloseOn: null,
  stageId: idText(defaults.stageId),
  ownerId: idText(defaults.ownerId),
  products: [],
  competitors: [],
  notes: '',
  lostReason: '',
});

export const dealValuesOf = (deal: DealDetail): DealFormValues => ({
  customerId: idText(deal.customerId),
  contactId: idText(deal.contactId),
  name: deal.name,
  amount: toMajor(deal.amountMinor, deal.currency),
  currency: deal.currency,
  expectedCloseOn: deal.expectedCloseOn,
  stageId: idText(deal.stageId),
  ownerId: idText(deal.ownerId),
  products: deal.products,
  competitors: deal.competitors,
  notes: deal.notes ?? '',
  lostReason: deal.lostReason ?? '',
});

/** The API's fields; an unparsable amount is sent as is, so the API names the field. */
export function dealInputOf(values: DealFormValues) {
  const amount = typeof values.amount === 'number' ? values.amount : Number(values.amount.replace(/[,\s]/g, '') || Number.NaN);
  return {
    customerId: Number(values.customerId),
    contactId: idOf(values.contactId),
    name: values.name,
    amountMinor: Number.isFinite(amount) ? toMinor(amount, values.currency) : -1,
    currency: values.currency,
    expectedCloseOn: values.expectedCloseOn,
    ownerId: idOf(values.ownerId),
    products: values.products,
    competitors: values.competitors,
    notes: values.notes,
    lostReason: values.lostReason,
  };
}

/** API field names that the form shows under another field. */
export function formErrorsOf(fieldErrors: Record<string, string>): Record<string, string> {
  const { amountMinor, ...rest } = fieldErrors;
  return amountMinor ? { ...rest, amount: amountMinor } : rest;
}
