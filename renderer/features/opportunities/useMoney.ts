import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from './types';

/** Digits after the decimal point of a currency's minor unit (2 for CNY, 0 for JPY), as Intl knows them. */
export function minorDigits(currency: Currency): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Major units as typed in a form (1234.5) to integer minor units (123450). */
export function toMinor(major: number, currency: Currency): number {
  return Math.round(major * 10 ** minorDigits(currency));
}

export function toMajor(minor: number, currency: Currency): number {
  return minor / 10 ** minorDigits(currency);
}

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
