import dayjs from 'dayjs';
import type { CustomerListInput } from '../../api/types';

/** The customer list's contact-recency filters, as kept in the address (see useCustomerListParams). */
export interface ContactRecencyParams {
  /** Calendar days (YYYY-MM-DD), both inclusive. */
  lastContactedFrom: string;
  lastContactedTo: string;
  /** Whole days as text; '' for no filter. */
  notContactedDays: string;
  followUp: '' | FollowUpWindow;
}

export const FOLLOW_UP_WINDOWS = ['overdue', 'week'] as const;
export type FollowUpWindow = (typeof FOLLOW_UP_WINDOWS)[number];

export const RECENCY_DEFAULTS: ContactRecencyParams = {
  lastContactedFrom: '',
  lastContactedTo: '',
  notContactedDays: '',
  followUp: '',
};

export function parseRecency(text: (key: keyof ContactRecencyParams) => string): ContactRecencyParams {
  const days = text('notContactedDays');
  const followUp = text('followUp');
  return {
    lastContactedFrom: text('lastContactedFrom'),
    lastContactedTo: text('lastContactedTo'),
    notContactedDays: /^\d{1,4}$/.test(days) ? days : '',
    followUp: FOLLOW_UP_WINDOWS.find((w) => w === followUp) ?? '',
  };
}

const DAY = 'YYYY-MM-DD';

/**
 * The API filter, in the user's local calendar: days become instants at local midnights (to is exclusive),
 * "not contacted for N days" counts from the start of today, so the filter holds still all day.
 */
export function recencyFilter(params: ContactRecencyParams): Partial<CustomerListInput> {
  const today = dayjs().startOf('day');
  const followUp =
    params.followUp === 'overdue'
      ? { nextFollowUpTo: today.subtract(1, 'day').format(DAY) }
      : params.followUp === 'week'
        ? { nextFollowUpFrom: today.format(DAY), nextFollowUpTo: today.add(7, 'day').format(DAY) }
        : {};
  return {
    lastContactedFrom: params.lastContactedFrom ? dayjs(params.lastContactedFrom).startOf('day').toISOString() : undefined,
    lastContactedTo: params.lastContactedTo
      ? dayjs(params.lastContactedTo).add(1, 'day').startOf('day').toISOString()
      : undefined,
    notContactedSince: params.notContactedDays
      ? today.subtract(Number(params.notContactedDays), 'day').toISOString()
      : undefined,
    ...followUp,
  };
}
