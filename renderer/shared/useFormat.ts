import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeFormat } from './intl-formats';

const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const MOMENT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** Dates in the user's language: calendar dates (YYYY-MM-DD) as local days, instants in local time. */
export function useFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    // Looked up on first use and kept: cells call these for every row they draw.
    let dayFormat: Intl.DateTimeFormat | undefined;
    let momentFormat: Intl.DateTimeFormat | undefined;
    const day = (value: Date) => (dayFormat ??= dateTimeFormat(i18n.language, DAY)).format(value);
    const moment = (value: Date) => (momentFormat ??= dateTimeFormat(i18n.language, MOMENT)).format(value);
    return {
      calendarDate: (value: string | null) => (value ? day(dayjs(value).toDate()) : ''),
      instant: (value: string | null) => (value ? moment(new Date(value)) : ''),
      /** A date picker's local value: 'YYYY-MM-DD' as a day, 'YYYY-MM-DD HH:mm:ss' as a moment. */
      pickerValue: (value: string) => (value.length <= 10 ? day : moment)(dayjs(value).toDate()),
    };
  }, [i18n.language]);
}
