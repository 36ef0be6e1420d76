import type { ParseKeys } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/useFormat';
import { CUSTOMER_FIELD_LABELS } from '../customers/customer-values';
import { CONTACT_FIELD_LABELS } from '../customers/form-values';
import { LEAD_FIELD_LABELS } from '../leads/lead-form-values';
import type { HistoryEntry } from './history-types';

/** Field names as the customer and contact screens label them. */
const FIELD_LABELS: Record<HistoryEntry['entity'], Record<string, ParseKeys>> = {
  customer: {
    ...CUSTOMER_FIELD_LABELS,
    tags: 'customer.tags',
    lastContactedAt: 'customer.lastContactedAt',
    // Claims, releases and recycling of the public pool.
    poolMove: 'pool.title',
    reason: 'leads.release.reason',
    mergedFrom: 'history.mergedFrom',
    mergedInto: 'history.mergedInto',
  },
  contact: CONTACT_FIELD_LABELS,
  lead: {
    ...LEAD_FIELD_LABELS,
    ownerId: 'leads.field.owner',
    assignment: 'leads.assign.mode',
    convertedCustomerId: 'leads.field.convertedCustomer',
    convertedAt: 'leads.field.convertedAt',
    poolMove: 'pool.title',
    reason: 'leads.release.reason',
  },
};

/** Fields whose stored value is a code, an id or a date rather than text to show as it is. */
type ValueKind = 'enum' | 'tier' | 'owner' | 'tags' | 'flag' | 'date' | 'instant' | 'id';
const VALUE_KINDS: Record<string, ValueKind> = {
  status: 'enum',
  assignment: 'enum',
  convertedCustomerId: 'id',
  convertedAt: 'instant',
  stage: 'enum',
  kind: 'enum',
  source: 'enum',
  gender: 'enum',
  tier: 'tier',
  ownerId: 'owner',
  tags: 'tags',
  isPrimary: 'flag',
  nextFollowUpOn: 'date',
  birthday: 'date',
  lastContactedAt: 'instant',
  poolMove: 'enum',
};

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

/** Translated field names and display values for history entries, in the user's language. */
export function useChangeFormat(userNames: Record<number, string>) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return useMemo(() => {
    // The enum fields' translated labels, e.g. stage → { prospect: '潜在客户', ... }; a lead's source and
    // status have their own lists.
    const enums: Record<string, Record<string, string>> = {
      stage: t('stage', { returnObjects: true }),
      kind: t('kind', { returnObjects: true }),
      source: t('source', { returnObjects: true }),
      gender: t('gender', { returnObjects: true }),
      poolMove: t('pool.moves', { returnObjects: true }),
      status: t('leads.status', { returnObjects: true }),
      assignment: t('leads.assignments', { returnObjects: true }),
    };
    const leadEnums: Record<string, Record<string, string>> = { source: t('leads.source', { returnObjects: true }) };
    return {
      isBlank,
      label: (entity: HistoryEntry['entity'], field: string): string => {
        const key = FIELD_LABELS[entity][field];
        return key ? t(key) : field;
      },
      value: (entity: HistoryEntry['entity'], field: string, value: unknown): string => {
        if (isBlank(value)) return t('history.blank');
        switch (VALUE_KINDS[field]) {
          case 'enum':
            return (entity === 'lead' ? leadEnums : enums)[field]?.[String(value)] ?? enums[field]?.[String(value)] ?? String(value);
          case 'id':
            return `#${String(value)}`;
          case 'tier':
            return t('customer.tierLabel', { tier: String(value) });
          case 'owner':
            return (typeof value === 'number' && userNames[value]) || `#${String(value)}`;
          case 'tags':
            return Array.isArray(value) && value.length > 0 ? value.join(', ') : t('history.blank');
          case 'flag':
            return value ? t('history.yes') : t('history.no');
          case 'date':
            return format.calendarDate(String(value));
          case 'instant':
            return format.instant(String(value));
          default:
            return String(value);
        }
      },
    };
    // i18n.language: labels follow a language switch.
  }, [t, i18n.language, format, userNames]);
}
