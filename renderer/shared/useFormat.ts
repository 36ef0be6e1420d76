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
      /** A date picker's local value: 'YYYY-MM-DD' as a day, 'YYYY-MM-DD HH:mm:ss' as a moment. */
      pickerValue: (value: string) => (value.length <= 10 ? day : moment).format(dayjs(value).toDate()),
    };
  }, [i18n.language]);
}
