import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListItem } from '../../api/types';
import cells from '../../shared/cells.module.css';
import { useFormat } from '../../shared/useFormat';
import type { CustomerColumn } from '../customers/useCustomerColumns';

/** A month without contact is when a customer starts to go cold. */
const COLD_AFTER_DAYS = 30;

/** Whole local calendar days since the last contact (0: today), or null if never contacted. */
export function daysSinceContact(customer: Pick<CustomerListItem, 'lastContactedAt'>): number | null {
  if (!customer.lastContactedAt) return null;
  return dayjs().startOf('day').diff(dayjs(customer.lastContactedAt).startOf('day'), 'day');
}

/** The customer list's "last contacted" and "days since contact" columns. */
export function useContactRecencyColumns(): CustomerColumn[] {
  const { t } = useTranslation();
  const format = useFormat();
  return useMemo(
    () => [
      {
        key: 'lastContactedAt',
        label: t('timeline.list.lastContactedAt'),
        minWidth: 150,
        sort: 'lastContactedAt',
        descendingFirst: true,
        render: (c) => format.instant(c.lastContactedAt),
      },
      {
        key: 'daysSinceContact',
        label: t('timeline.list.daysSince'),
        minWidth: 110,
        render: (c) => {
          const days = daysSinceContact(c);
          return (
            <span className={days === null || days > COLD_AFTER_DAYS ? cells.alert : undefined} data-testid="days-since-contact">
              {days === null ? t('timeline.list.never') : days === 0 ? t('timeline.list.today') : t('timeline.list.daysAgo', { count: days })}
            </span>
          );
        },
      },
    ],
    [t, format],
  );
}
