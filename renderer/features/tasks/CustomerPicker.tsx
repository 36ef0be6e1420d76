import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';

interface CustomerPickerProps {
  value: string | null;
  /** The chosen customer's name, shown before any search has run. */
  initialLabel: string | null;
  onChange: (customerId: string | null) => void;
  error?: string | undefined;
  name: string;
}

/** Picks a customer by searching the server as the user types (the list can hold 100k customers). */
export function CustomerPicker({ value, initialLabel, onChange, error, name }: CustomerPickerProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const customers = useQuery({
    ...trpc.customers.list.queryOptions({ search: query || undefined, limit: 20, sort: 'updatedAt', direction: 'desc' }),
    placeholderData: keepPreviousData,
  });
  const options = (customers.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      label={t('task.customer')}
      placeholder={t('task.customerPlaceholder')}
      name={name}
      data={options}
      searchable
      clearable
      // The server already filtered; Mantine must not filter again by its own rules.
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage="—"
      data-testid="task-customer"
    />
  );
}
