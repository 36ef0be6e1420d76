import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toMajor } from '../../../electron/services/money';
import type { Currency } from './types';

// One rule for minor units on both sides of the API: the host's exports convert with it too.
export { minorDigits, toMajor, toMinor } from '../../../electron/services/money';

/** Money in the user's language with its currency: ¥12,500.00 / CN¥12,500.00 / US$40.00. */
export function useMoney() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const formats = new Map<string, Intl.NumberFormat>();
    const formatOf = (currency: Currency, compact: boolean) => {
      const key = `${currency}:${compact}`;
      let format = formats.get(key);
      if (!format) {
        format = new Intl.NumberFormat(i18n.language, {
          style: 'currency',
          currency,
          ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
        });
        formats.set(key, format);
      }
      return format;
    };
    return {
      format: (minor: number, currency: Currency) => formatOf(currency, false).format(toMajor(minor, currency)),
      /** Short, for column headers: ¥1.2M, ¥120万. */
      compact: (minor: number, currency: Currency) => formatOf(currency, true).format(toMajor(minor, currency)),
    };
  }, [i18n.language]);
}
