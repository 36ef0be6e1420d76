import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates in the user's language: calendar dates (YYYY-MM-DD) as local days, instants in local time. */
export function useFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
    const moment = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      calendarDate: (value: string | null) => (value ? day.format(dayjs(value).toDate()) : ''),
      instant: (value: string | null) => (value ? moment.format(new Date(value)) : ''),
    };
  }, [i18n.language]);
}
