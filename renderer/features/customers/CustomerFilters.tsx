import { Button, Group, MultiSelect, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DebouncedTextInput } from '../../shared/DebouncedTextInput';
import { ContactRecencyFilters } from '../timeline/ContactRecencyFilters';
import { optionsOf } from '../../shared/options';
import { CUSTOMER_STAGES } from './customer-values';
import { hasFilters, type CustomerListParams } from './useCustomerListParams';
import { useOwnerOptions } from './useOwnerOptions';
import { useTagSuggestions } from './useTagSuggestions';

interface CustomerFiltersProps {
  params: CustomerListParams;
  update: (patch: Partial<CustomerListParams>) => void;
  onClear: () => void;
}

export function CustomerFilters({ params, update, onClear }: CustomerFiltersProps) {
  const { t } = useTranslation();
  const owners = useOwnerOptions();
  const tags = useTagSuggestions(Boolean(params.tag));
  return (
    <Group gap="xs" align="flex-end">
      <MultiSelect
        w={220}
        label={t('customer.stage')}
        placeholder={params.stages.length ? undefined : t('list.anyStage')}
        data={optionsOf(CUSTOMER_STAGES, t('stage', { returnObjects: true }))}
        value={params.stages}
        onChange={(stages) => update({ stages: stages as CustomerListParams['stages'] })}
        clearable
        data-testid="filter-stages"
      />
      <MultiSelect
        w={200}
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
        w={150}
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
        w={110}
        label={t('customer.province')}
        initialValue={params.province}
        onChange={(province) => update({ province })}
        data-testid="filter-province"
      />
      <DebouncedTextInput
        w={110}
        label={t('customer.city')}
        initialValue={params.city}
        onChange={(city) => update({ city })}
        data-testid="filter-city"
      />
      <DatePickerInput
        type="range"
        w={240}
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
}
