import { Badge, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AfterFirstPaint } from '../../shared/AfterFirstPaint';
import { CollapsibleOnPhone } from '../../shared/CollapsibleOnPhone';
import { DebouncedTextInput } from '../../shared/DebouncedTextInput';
import { ExportMenu } from '../export/ExportMenu';
import { CustomerFilters, CustomerFiltersPlaceholder } from './CustomerFilters';
import { CustomersEmptyState } from './CustomersEmptyState';
import { CustomerTable } from './CustomerTable';
import { hasFilters, toListFilter, useCustomerListParams } from './useCustomerListParams';
import { useCustomerPages } from './useCustomerPages';

export function CustomersListPage() {
  const { t } = useTranslation();
  const { params, update, clearFilters } = useCustomerListParams();
  // Text inputs keep their own text while typing; clearing remounts them empty.
  const [inputsKey, setInputsKey] = useState(0);
  const filter = useMemo(() => toListFilter(params), [params]);
  const pages = useCustomerPages(filter);
  const items = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total;
  const hasMore = pages.hasNextPage && !pages.isPlaceholderData;
  const { isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage) void fetchNextPage();
  }, [isFetchingNextPage, fetchNextPage]);
  const clear = useCallback(() => {
    clearFilters();
    setInputsKey((key) => key + 1);
  }, [clearFilters]);

  return (
    <Stack h="calc(100dvh - var(--app-shell-header-height) - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{t('nav.customers')}</Title>
          {total !== undefined && (
            <Badge variant="light" size="lg" tt="none" data-testid="customer-total">
              {t('list.total', { count: total })}
            </Badge>
          )}
          {pages.isFetching && <Loader size="xs" />}
        </Group>
        <Group gap="xs">
          <ExportMenu list="customers" filter={filter} />
          <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />} data-testid="new-customer">
            {t('customer.new')}
          </Button>
        </Group>
      </Group>
      <DebouncedTextInput
        key={`search-${inputsKey}`}
        leftSection={<IconSearch size={16} />}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.search')}
        initialValue={params.search}
        onChange={(search) => update({ search })}
        data-testid="customer-search"
      />
      <CollapsibleOnPhone label={t('list.filters')} active={hasFilters(params)}>
        <AfterFirstPaint fallback={<CustomerFiltersPlaceholder />}>
          <CustomerFilters key={`filters-${inputsKey}`} params={params} update={update} onClear={clear} />
        </AfterFirstPaint>
      </CollapsibleOnPhone>
      {total === 0 ? (
        <CustomersEmptyState filtered={hasFilters(params)} onClear={clear} />
      ) : (
        <CustomerTable
          key={JSON.stringify(filter)}
          items={items}
          hasMore={hasMore}
          loadMore={loadMore}
          sort={params.sort}
          direction={params.direction}
          onSort={(sort, direction) => update({ sort, direction })}
        />
      )}
    </Stack>
  );
}
