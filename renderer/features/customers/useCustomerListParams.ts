import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CustomerListInput, CustomerSortKey, CustomerStage } from '../../api/types';
import { parseRecency, RECENCY_DEFAULTS, recencyFilter, type ContactRecencyParams } from '../timeline/contact-recency-params';
import { CUSTOMER_STAGES } from './customer-values';

export const SORT_KEYS: readonly CustomerSortKey[] = [
  'name',
  'kind',
  'stage',
  'tier',
  'industry',
  'region',
  'owner',
  'createdAt',
  'updatedAt',
  'lastContactedAt',
  'nextFollowUpOn',
];

export type SortDirection = 'asc' | 'desc';

/** What the list shows, kept in the address so going back to the list restores it. */
export interface CustomerListParams extends ContactRecencyParams {
  search: string;
  stages: CustomerStage[];
  ownerIds: number[];
  tag: string;
  province: string;
  city: string;
  /** Calendar days (YYYY-MM-DD), both inclusive. */
  createdFrom: string;
  createdTo: string;
  sort: CustomerSortKey;
  direction: SortDirection;
}

const DEFAULTS: CustomerListParams = {
  search: '',
  stages: [],
  ownerIds: [],
  tag: '',
  province: '',
  city: '',
  createdFrom: '',
  createdTo: '',
  ...RECENCY_DEFAULTS,
  sort: 'updatedAt',
  direction: 'desc',
};

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.find((v) => v === value) ?? fallback;

const isStage = (value: string): value is CustomerStage => (CUSTOMER_STAGES as readonly string[]).includes(value);

export function parseListParams(query: URLSearchParams): CustomerListParams {
  const text = (key: keyof CustomerListParams) => query.get(key) ?? '';
  return {
    search: text('search'),
    stages: query.getAll('stages').filter(isStage),
    ownerIds: query.getAll('ownerIds').map(Number).filter(Number.isInteger),
    tag: text('tag'),
    province: text('province'),
    city: text('city'),
    createdFrom: text('createdFrom'),
    createdTo: text('createdTo'),
    ...parseRecency(text),
    sort: oneOf(SORT_KEYS, query.get('sort'), DEFAULTS.sort),
    direction: oneOf(['asc', 'desc'], query.get('direction'), DEFAULTS.direction),
  };
}

function serialize(params: CustomerListParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === DEFAULTS[key as keyof CustomerListParams]) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (item !== '') query.append(key, String(item));
  }
  return query;
}

const blankToUndefined = (value: string) => value.trim() || undefined;

/** The list's API filter: created dates become instants at the user's local midnights (to is exclusive). */
export function toListFilter(params: CustomerListParams): Omit<CustomerListInput, 'offset' | 'limit'> {
  return {
    search: blankToUndefined(params.search),
    stages: params.stages.length ? params.stages : undefined,
    ownerIds: params.ownerIds.length ? params.ownerIds : undefined,
    tag: blankToUndefined(params.tag),
    province: blankToUndefined(params.province),
    city: blankToUndefined(params.city),
    createdFrom: params.createdFrom ? dayjs(params.createdFrom).startOf('day').toISOString() : undefined,
    createdTo: params.createdTo ? dayjs(params.createdTo).add(1, 'day').startOf('day').toISOString() : undefined,
    ...recencyFilter(params),
    sort: params.sort,
    direction: params.direction,
  };
}

export function hasFilters(params: CustomerListParams): boolean {
  const { sort: _sort, direction: _direction, ...filters } = params;
  return serialize({ ...DEFAULTS, ...filters }).size > 0;
}

export function useCustomerListParams() {
  const [query, setQuery] = useSearchParams();
  const params = useMemo(() => parseListParams(query), [query]);
  const update = useCallback(
    (patch: Partial<CustomerListParams>) =>
      setQuery((current) => serialize({ ...parseListParams(current), ...patch }), { replace: true }),
    [setQuery],
  );
  const clearFilters = useCallback(
    () =>
      setQuery(
        (current) => {
          const { sort, direction } = parseListParams(current);
          return serialize({ ...DEFAULTS, sort, direction });
        },
        { replace: true },
      ),
    [setQuery],
  );
  return { params, update, clearFilters };
}
