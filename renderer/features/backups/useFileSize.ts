import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Byte counts as the user reads them: "12.3 MB", in their language's number format. */
export function useFileSize(): (bytes: number | null) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
    const formats = units.map((unit) => new Intl.NumberFormat(i18n.language, { style: 'unit', unit, maximumFractionDigits: 1 }));
    return (bytes) => {
      if (bytes === null) return '—';
      const exponent = Math.min(units.length - 1, bytes > 0 ? Math.floor(Math.log(bytes) / Math.log(1024)) : 0);
      return formats[exponent]!.format(bytes / 1024 ** exponent);
    };
  }, [i18n.language]);
}
