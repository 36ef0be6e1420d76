import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../api/trpc';
import { globalSearch, globalSearchStore } from './global-search-store';

const RESULT_LIMIT = 8;

/** Ctrl+K / ⌘K (anywhere) or "/" (outside inputs): find a customer by name, contact, phone or email. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const listRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [search] = useDebouncedValue(query.trim(), 200);
  const results = useQuery({
    ...trpc.customers.list.queryOptions({ search, limit: RESULT_LIMIT }),
    enabled: search !== '',
    placeholderData: keepPreviousData,
  });
  useHotkeys([['mod+K', globalSearch.open]], []);

  const items = search ? (results.data?.items ?? []) : [];
  const open = (id: number) => void navigate(`/customers/${id}`);

  // Spotlight selects its first action when the query changes, before our results arrive; Enter with
  // nothing selected opens the first result instead of doing nothing.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = items[0];
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !first) return;
    if (listRef.current?.querySelector('[data-selected]')) return;
    open(first.id);
    globalSearch.close();
  };

  return (
    <Spotlight.Root store={globalSearchStore} query={query} onQueryChange={setQuery} shortcut="/" scrollable>
      <Spotlight.Search
        placeholder={t('search.placeholder')}
        leftSection={<IconSearch size={18} />}
        onKeyDown={onKeyDown}
        data-testid="global-search-input"
      />
      <Spotlight.ActionsList ref={listRef}>
        {items.map((customer) => (
          <Spotlight.Action
            key={customer.id}
            label={customer.name}
            description={[customer.primaryContactName, customer.primaryContactMobile].filter(Boolean).join(' · ')}
            onClick={() => open(customer.id)}
            data-testid="global-search-result"
          />
        ))}
        {items.length === 0 && (
          <Spotlight.Empty>{search && results.isSuccess ? t('search.nothingFound') : t('search.hint')}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
