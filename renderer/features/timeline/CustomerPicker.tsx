import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';

interface CustomerPickerProps {
  value: string | null;
  onChange: (customerId: string | null) => void;
  error?: string | undefined;
}

/** Picks a customer by server-side search (the list may hold 100k), keeping the chosen one as an option. */
export function CustomerPicker({ value, onChange, error }: CustomerPickerProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 200);
  const results = useQuery({
    ...trpc.customers.list.queryOptions({ search: query || undefined, limit: 20, sort: 'lastContactedAt' }),
    placeholderData: keepPreviousData,
  });
  const chosen = useQuery({ ...trpc.customers.get.queryOptions({ id: Number(value) }), enabled: value !== null });
  const options = (results.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  if (chosen.data && !options.some((o) => o.value === value)) {
    options.unshift({ value: String(chosen.data.id), label: chosen.data.name });
  }
  return (
    <Select
      label={t('timeline.field.customer')}
      placeholder={t('timeline.field.customerSearch')}
      required
      searchable
      data={options}
      // The server already searched; the select should not filter its answer again.
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={onChange}
      nothingFoundMessage={results.isSuccess ? t('search.nothingFound') : undefined}
      error={error}
      data-testid="quick-log-customer"
    />
  );
}
