import { Button, Group, Input, MultiSelect, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { DebouncedTextInput } from '../../shared/DebouncedTextInput';
import { ContactRecencyFilters, RECENCY_FILTER_WIDTHS } from '../timeline/ContactRecencyFilters';
import { optionsOf } from '../../shared/options';
import { CUSTOMER_STAGES } from './customer-values';
import { hasFilters, type CustomerListParams } from './useCustomerListParams';
import { useOwnerOptions } from './useOwnerOptions';
import { useTagSuggestions } from './useTagSuggestions';

/** The filters' widths (CustomerFiltersPlaceholder takes the same room). */
const WIDTHS = { stages: 220, owners: 200, tag: 150, province: 110, city: 110, created: 240 } as const;

interface CustomerFiltersProps {
  params: CustomerListParams;
  update: (patch: Partial<CustomerListParams>) => void;
  onClear: () => void;
}

/** Memoized: the list's pages arriving re-render the list page, and these inputs cost ~40 ms to render. */
export const CustomerFilters = memo(function CustomerFilters({ params, update, onClear }: CustomerFiltersProps) {
  const { t } = useTranslation();
  const owners = useOwnerOptions();
  const tags = useTagSuggestions(Boolean(params.tag));
  return (
    <Group gap="xs" align="flex-end">
      <MultiSelect
        w={WIDTHS.stages}
        label={t('customer.stage')}
        placeholder={params.stages.length ? undefined : t('list.anyStage')}
        data={optionsOf(CUSTOMER_STAGES, t('stage', { returnObjects: true }))}
        value={params.stages}
        onChange={(stages) => update({ stages: stages as CustomerListParams['stages'] })}
        clearable
        data-testid="filter-stages"
      />
      <MultiSelect
        w={WIDTHS.owners}
        label={t('customer.owner')}
        placeholder={params.ownerIds.length ? undefined : t('list.anyOwner')}
        data={owners}
        value={params.ownerIds.map(String)}
        onChange={(ids) => update({ ownerIds: ids.map(Number) })}
        clearable
        searchable
        data-testid="filter-owners"
      />
      <Select
        w={WIDTHS.tag}
        label={t('customer.tags')}
        placeholder={t('list.anyTag')}
        data={tags.tags}
        onFocus={tags.onFocus}
        value={params.tag || null}
        onChange={(tag) => update({ tag: tag ?? '' })}
        clearable
        searchable
        data-testid="filter-tag"
      />
      <DebouncedTextInput
        w={WIDTHS.province}
        label={t('customer.province')}
        initialValue={params.province}
        onChange={(province) => update({ province })}
        data-testid="filter-province"
      />
      <DebouncedTextInput
        w={WIDTHS.city}
        label={t('customer.city')}
        initialValue={params.city}
        onChange={(city) => update({ city })}
        data-testid="filter-city"
      />
      <DatePickerInput
        type="range"
        w={WIDTHS.created}
        label={t('list.createdBetween')}
        placeholder={t('list.anyDate')}
        value={[params.createdFrom || null, params.createdTo || null]}
        onChange={([from, to]) => update({ createdFrom: from ?? '', createdTo: to ?? '' })}
        clearable
        allowSingleDateInRange
        data-testid="filter-created"
      />
      <ContactRecencyFilters params={params} update={update} />
      {hasFilters({ ...params, search: '' }) && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('list.clearFilters')}
        </Button>
      )}
    </Group>
  );
});

/**
 * Empty labelled boxes of the filters' widths: the list shows them until the filters render (just
 * after the first rows), so the filters take the same room, wrapped the same way, and the table
 * below does not move.
 */
export function CustomerFiltersPlaceholder() {
  return (
    <Group gap="xs" align="flex-end" aria-hidden>
      {[...Object.values(WIDTHS), ...Object.values(RECENCY_FILTER_WIDTHS)].map((width, i) => (
        <Input.Wrapper key={i} w={width} label={'\u00a0'}>
          <Input disabled />
        </Input.Wrapper>
      ))}
    </Group>
  );
}
