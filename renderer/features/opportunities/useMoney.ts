import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toMajor } from '../../../electron/services/money';
import { numberFormat } from '../../shared/intl-formats';
import type { Currency } from './types';

// One rule for minor units on both sides of the API: the host's exports convert with it too.
export { minorDigits, toMajor, toMinor } from '../../../electron/services/money';

/** Money in the user's language with its currency: ¥12,500.00 / CN¥12,500.00 / US$40.00. */
export function useMoney() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const formatOf = (currency: Currency, compact: boolean) =>
      numberFormat(i18n.language, {
        style: 'currency',
        currency,
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      });
    return {
      format: (minor: number, currency: Currency) => formatOf(currency, false).format(toMajor(minor, currency)),
      /** Short, for column headers: ¥1.2M, ¥120万. */
      compact: (minor: number, currency: Currency) => formatOf(currency, true).format(toMajor(minor, currency)),
    };
  }, [i18n.language]);
}
