import { useTranslation } from 'react-i18next';
import type { FieldFormats, FieldLabels } from '../live/ConflictDialog';
import { CUSTOMER_FIELD_LABELS } from './customer-values';
import type { CustomerFormValues } from './form-values';
import { useOwnerOptions } from './useOwnerOptions';

const LABELS: FieldLabels<CustomerFormValues> = { ...CUSTOMER_FIELD_LABELS, tags: 'customer.tags' };

/** The customer form's field labels and how its coded values read, for the conflict dialog. */
export function useCustomerFieldText(): { labels: FieldLabels<CustomerFormValues>; formats: FieldFormats<CustomerFormValues> } {
  const { t } = useTranslation();
  const owners = useOwnerOptions();
  return {
    labels: LABELS,
    formats: {
      ownerId: (id) => owners.find((o) => o.value === id)?.label ?? id,
      stage: (stage) => t(`stage.${stage}`),
      kind: (kind) => t(`kind.${kind}`),
      source: (source) => t(`source.${source}`),
    },
  };
}
