import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DealListInput, DealSortKey } from './types';
import { toMinor } from './useMoney';

export type DealView = 'board' | 'list';

/** What the page shows, kept in the address so going back restores it. */
export interface DealListParams {
  view: DealView;
  search: string;
  stageIds: number[];
  ownerIds: number[];
  /** Expected close, YYYY-MM-DD, both inclusive. */
  closeFrom: string;
  closeTo: string;
  /** Major units as typed. */
  amountMin: string;
  amountMax: string;
  sort: DealSortKey;
}

export const DEAL_SORT_KEYS: readonly DealSortKey[] = ['updatedAt', 'amount', 'expectedCloseOn', 'name', 'stageEnteredAt', 'createdAt'];

const DEFAULTS: DealListParams = {
  view: 'board',
  search: '',
  stageIds: [],
  ownerIds: [],
  closeFrom: '',
  closeTo: '',
  amountMin: '',
  amountMax: '',
  sort: 'updatedAt',
};

const ids = (query: URLSearchParams, key: string) => query.getAll(key).map(Number).filter(Number.isInteger);

function parse(query: URLSearchParams): DealListParams {
  const text = (key: keyof DealListParams) => query.get(key) ?? '';
  return {
    view: query.get('view') === 'list' ? 'list' : 'board',
    search: text('search'),
    stageIds: ids(query, 'stageIds'),
    ownerIds: ids(query, 'ownerIds'),
    closeFrom: text('closeFrom'),
    closeTo: text('closeTo'),
    amountMin: text('amountMin'),
    amountMax: text('amountMax'),
    sort: DEAL_SORT_KEYS.find((k) => k === query.get('sort')) ?? DEFAULTS.sort,
  };
}

function serialize(params: DealListParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === DEFAULTS[key as keyof DealListParams]) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item !== '') query.append(key, String(item));
  }
  return query;
}

/** An amount typed in major units, as the API's minor units (the filter ignores the currency). */
function amountFilter(text: string): number | undefined {
  const amount = Number(text);
  return text.trim() !== '' && Number.isFinite(amount) && amount >= 0 ? toMinor(amount, 'CNY') : undefined;
}

export function toDealFilter(params: DealListParams): Omit<DealListInput, 'offset' | 'limit'> {
  return {
    search: params.search.trim() || undefined,
    stageIds: params.stageIds.length ? params.stageIds : undefined,
    ownerIds: params.ownerIds.length ? params.ownerIds : undefined,
    closeFrom: params.closeFrom || undefined,
    closeTo: params.closeTo || undefined,
    amountMin: amountFilter(params.amountMin),
    amountMax: amountFilter(params.amountMax),
    sort: params.sort,
    direction: params.sort === 'name' || params.sort === 'expectedCloseOn' ? 'asc' : 'desc',
  };
}

export function hasDealFilters(params: DealListParams): boolean {
  const { view: _view, sort: _sort, ...filters } = params;
  return serialize({ ...DEFAULTS, ...filters }).size > 0;
}

export function useDealListParams() {
  const [query, setQuery] = useSearchParams();
  const params = useMemo(() => parse(query), [query]);
  const update = useCallback(
    (patch: Partial<DealListParams>) => setQuery((current) => serialize({ ...parse(current), ...patch }), { replace: true }),
    [setQuery],
  );
  const clearFilters = useCallback(
    () =>
      setQuery(
        (current) => {
          const { view, sort } = parse(current);
          return serialize({ ...DEFAULTS, view, sort });
        },
        { replace: true },
      ),
    [setQuery],
  );
  return { params, update, clearFilters };
}
