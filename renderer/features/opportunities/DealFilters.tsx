import { Button, Group, Input, MultiSelect, Select, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { DebouncedTextInput } from '../../shared/DebouncedTextInput';
import { useOwnerOptions } from '../customers/useOwnerOptions';
import { DEAL_SORT_KEYS, hasDealFilters, type DealListParams } from './useDealListParams';
import { usePipelineStages, useStageLabel } from './usePipelineStages';

interface DealFiltersProps {
  params: DealListParams;
  update: (patch: Partial<DealListParams>) => void;
  onClear: () => void;
}

export function DealFilters({ params, update, onClear }: DealFiltersProps) {
  const { t } = useTranslation();
  const owners = useOwnerOptions();
  const stages = usePipelineStages();
  const stageLabel = useStageLabel();
  const sortLabels: Record<(typeof DEAL_SORT_KEYS)[number], string> = {
    updatedAt: t('opportunities.table.updatedAt'),
    amount: t('opportunities.field.amount'),
    expectedCloseOn: t('opportunities.field.expectedCloseOn'),
    name: t('opportunities.field.name'),
    stageEnteredAt: t('opportunities.field.stage'),
    createdAt: t('customer.createdAt'),
  };
  return (
    // Sized so that every filter and the sort fit one row at 1280 px wide.
    <Group gap={8} align="flex-end">
      <DebouncedTextInput
        w={170}
        leftSection={<IconSearch size={16} />}
        label={t('opportunities.filter.search')}
        placeholder={t('opportunities.filter.searchHint')}
        initialValue={params.search}
        onChange={(search) => update({ search })}
        data-testid="deal-search"
      />
      <MultiSelect
        w={170}
        label={t('opportunities.field.stage')}
        placeholder={params.stageIds.length ? undefined : t('opportunities.filter.anyStage')}
        data={stages.map((s) => ({ value: String(s.id), label: stageLabel(s) }))}
        value={params.stageIds.map(String)}
        onChange={(values) => update({ stageIds: values.map(Number) })}
        clearable
        data-testid="filter-deal-stages"
      />
      <MultiSelect
        w={140}
        label={t('opportunities.field.owner')}
        placeholder={params.ownerIds.length ? undefined : t('opportunities.filter.anyOwner')}
        data={owners}
        value={params.ownerIds.map(String)}
        onChange={(values) => update({ ownerIds: values.map(Number) })}
        clearable
        searchable
        data-testid="filter-deal-owners"
      />
      <DatePickerInput
        type="range"
        w={190}
        label={t('opportunities.filter.closeBetween')}
        placeholder={t('opportunities.filter.anyDate')}
        value={[params.closeFrom || null, params.closeTo || null]}
        onChange={([from, to]) => update({ closeFrom: from ?? '', closeTo: to ?? '' })}
        clearable
        allowSingleDateInRange
        data-testid="filter-deal-close"
      />
      {/* One "amount from – to" control, so the two ends never wrap apart. */}
      <Input.Wrapper label={t('opportunities.filter.amount')} labelElement="div">
        <Group gap={4} wrap="nowrap">
          {(['amountMin', 'amountMax'] as const).map((key, i) => (
            <Fragment key={key}>
              {i > 0 && <Text c="dimmed">–</Text>}
              <TextInput
                w={80}
                aria-label={t(`opportunities.filter.${key}`)}
                placeholder={t(`opportunities.filter.${key}`)}
                inputMode="decimal"
                value={params[key]}
                onChange={(event) => update({ [key]: event.currentTarget.value })}
                data-testid={`filter-${key}`}
              />
            </Fragment>
          ))}
        </Group>
      </Input.Wrapper>
      {hasDealFilters(params) && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={onClear}>
          {t('opportunities.filter.clear')}
        </Button>
      )}
      <Select
        w={130}
        label={t('opportunities.filter.sort')}
        data={DEAL_SORT_KEYS.map((key) => ({ value: key, label: sortLabels[key] }))}
        value={params.sort}
        allowDeselect={false}
        onChange={(sort) => sort && update({ sort: sort as DealListParams['sort'] })}
        data-testid="deal-sort"
      />
    </Group>
  );
}
