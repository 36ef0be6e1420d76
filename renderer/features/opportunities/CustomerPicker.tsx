import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';

interface CustomerPickerProps {
  value: string | null;
  /** The chosen customer's name, shown before any search has run. */
  initialLabel?: string;
  onChange: (customerId: string | null) => void;
  error?: string;
  disabled?: boolean;
}

/** Picks a customer by typing part of its name (or a contact's, a phone, an e-mail): the customer list's search. */
export function CustomerPicker({ value, initialLabel, onChange, error, disabled }: CustomerPickerProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [settled] = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    ...trpc.customers.list.queryOptions({ search: settled || undefined, limit: 20, sort: 'name', direction: 'asc' }),
    placeholderData: keepPreviousData,
  });
  const options = (results.data?.items ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });

  return (
    <Select
      label={t('opportunities.field.customer')}
      placeholder={t('opportunities.field.customerSearch')}
      required
      searchable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
      nothingFoundMessage="—"
      name="customerId"
      data-testid="deal-customer"
    />
  );
}
