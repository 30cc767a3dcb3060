import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClinicTimeZone } from '../app/session-store';
import { formatDate, formatDateTime, formatTime, type DateLabelOptions, type TimeLabelOptions } from './date-time';

export interface DateFormat {
  date(isoDate: string, options?: DateLabelOptions): string;
  dateTime(instant: string, options?: TimeLabelOptions & DateLabelOptions): string;
  time(instant: string, options?: TimeLabelOptions): string;
}

/**
 * The formatter bound to the clinic's time zone (from app.status; the computer's own only until
 * set-up names one) and the user's language, re-rendering when either changes.
 */
export function useDateFormat(): DateFormat {
  const { i18n } = useTranslation();
  const zone = useClinicTimeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const locale = i18n.language;
  return useMemo(
    () => ({
      date: (isoDate, options) => formatDate(isoDate, locale, options),
      dateTime: (instant, options) => formatDateTime(instant, zone, locale, options),
      time: (instant, options) => formatTime(instant, zone, options),
    }),
    [zone, locale],
  );
}
