import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListItem } from '../../api/types';
import cells from '../../shared/cells.module.css';
import { useMoney } from './useMoney';

/** The customer list's "open deals" and "open total" columns (shape of the customer table's columns). */
export function useOpenDealColumns() {
  const { t } = useTranslation();
  const money = useMoney();
  return useMemo(
    () => [
      {
        key: 'openDeals',
        label: t('opportunities.customerColumns.openDeals'),
        minWidth: 90,
        render: (c: CustomerListItem) => (c.openDeals.count > 0 ? c.openDeals.count : ''),
      },
      {
        key: 'openTotal',
        label: t('opportunities.customerColumns.openTotal'),
        minWidth: 140,
        render: (c: CustomerListItem) =>
          c.openDeals.totals.map((total) => (
            <div key={total.currency} className={cells.line}>
              {money.format(total.amountMinor, total.currency)}
            </div>
          )),
      },
    ],
    [t, money],
  );
}
