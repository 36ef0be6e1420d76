import type { Currency } from '../../db/tables/opportunity.table.js';

/**
 * Money is stored as integer minor units with a currency code. Browser-safe (Intl only): the renderer's
 * forms and the host's exports convert with the same rule.
 */

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
