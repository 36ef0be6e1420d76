import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../shared/intl-formats';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** Byte counts as the user reads them: "12.3 MB", in their language's number format. */
export function useFileSize(): (bytes: number | null) => string {
  const { i18n } = useTranslation();
  return useMemo(
    () => (bytes) => {
      if (bytes === null) return '—';
      const exponent = Math.min(UNITS.length - 1, bytes > 0 ? Math.floor(Math.log(bytes) / Math.log(1024)) : 0);
      return numberFormat(i18n.language, { style: 'unit', unit: UNITS[exponent], maximumFractionDigits: 1 }).format(bytes / 1024 ** exponent);
    },
    [i18n.language],
  );
}
