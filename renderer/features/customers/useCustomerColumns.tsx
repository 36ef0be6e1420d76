import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerListItem, CustomerSortKey } from '../../api/types';
import { CellBadge } from '../../shared/CellBadge';
import cells from '../../shared/cells.module.css';
import { useFormat } from '../../shared/useFormat';
import { useOpenDealColumns } from '../opportunities/useOpenDealColumns';
import { useContactRecencyColumns } from '../timeline/useContactRecencyColumns';
import { STAGE_COLORS } from './customer-values';

export interface CustomerColumn {
  key: string;
  label: string;
  /** Pixels; the table scrolls sideways rather than squeeze a column below it. */
  minWidth: number;
  /** Share of the spare width (fr); fixed width without. */
  grow?: number;
  sort?: CustomerSortKey;
  /** Dates are most useful newest first; everything else starts A→Z. */
  descendingFirst?: boolean;
  render: (customer: CustomerListItem) => ReactNode;
}

/** "广东 深圳"; a municipality (北京 北京) once. */
const region = (c: CustomerListItem) => [...new Set([c.province, c.city].filter(Boolean))].join(' ');

export function useCustomerColumns(): CustomerColumn[] {
  const { t } = useTranslation();
  const format = useFormat();
  const openDealColumns = useOpenDealColumns();
  const recencyColumns = useContactRecencyColumns();
  return useMemo(
    () => [
      {
        key: 'name',
        label: t('customer.name'),
        minWidth: 200,
        grow: 2,
        sort: 'name',
        render: (c) => (
          <Link to={`/customers/${c.id}`} className={cells.link}>
            {c.name}
          </Link>
        ),
      },
      { key: 'kind', label: t('customer.kind'), minWidth: 70, sort: 'kind', render: (c) => t(`kind.${c.kind}`) },
      {
        key: 'stage',
        label: t('customer.stage'),
        minWidth: 100,
        sort: 'stage',
        render: (c) => <CellBadge color={STAGE_COLORS[c.stage]}>{t(`stage.${c.stage}`)}</CellBadge>,
      },
      { key: 'tier', label: t('customer.tier'), minWidth: 60, sort: 'tier', render: (c) => c.tier ?? '' },
      { key: 'contact', label: t('list.primaryContact'), minWidth: 110, render: (c) => c.primaryContactName ?? '' },
      { key: 'mobile', label: t('contact.mobile'), minWidth: 130, render: (c) => c.primaryContactMobile ?? '' },
      { key: 'region', label: t('list.region'), minWidth: 110, sort: 'region', render: region },
      { key: 'owner', label: t('customer.owner'), minWidth: 90, sort: 'owner', render: (c) => c.ownerName ?? '' },
      ...openDealColumns,
      {
        key: 'tags',
        label: t('customer.tags'),
        minWidth: 140,
        grow: 1,
        render: (c) => (
          <div className={cells.badges}>
            {c.tags.map((tag) => (
              <CellBadge key={tag} color="gray" outline>
                {tag}
              </CellBadge>
            ))}
          </div>
        ),
      },
      ...recencyColumns,
      {
        key: 'nextFollowUpOn',
        label: t('customer.nextFollowUpOn'),
        minWidth: 120,
        sort: 'nextFollowUpOn',
        descendingFirst: true,
        render: (c) => format.calendarDate(c.nextFollowUpOn),
      },
      {
        key: 'updatedAt',
        label: t('customer.updatedAt'),
        minWidth: 150,
        sort: 'updatedAt',
        descendingFirst: true,
        render: (c) => <span className={cells.dimmed}>{format.instant(c.updatedAt)}</span>,
      },
    ],
    [t, format, openDealColumns, recencyColumns],
  );
}
