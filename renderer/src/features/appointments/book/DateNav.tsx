import { useDateFormat } from '../../../format/use-date-format';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../../shared/zoned-time';

interface DateNavProps {
  date: string;
  today: string;
  /** 1 for the day view, 7 for the week view. */
  step: number;
  onChange(date: string): void;
  /** What is shown, e.g. "Mon 30 Nov 2026" or "Week of ...". */
  heading: string;
  /** Controls placed before the buttons, e.g. the week view's doctor. */
  leading?: ReactNode;
}

/** Previous, next, today and a date picker; the heading says what is shown. */
export function DateNav({ date, today, step, onChange, heading, leading }: DateNavProps) {
  const { t } = useTranslation('appointments');
  const format = useDateFormat();
  const unit = step === 7 ? 'week' : 'day';
  return (
    <div className="book-nav">
      {leading}
      <div className="book-nav__buttons" role="group" aria-label={t('nav.label')}>
        <button type="button" onClick={() => onChange(addDays(date, -step))} aria-label={t(`nav.previous_${unit}`)}>
          ‹ <span aria-hidden="true">{t(`nav.previousShort_${unit}`)}</span>
        </button>
        <button type="button" onClick={() => onChange(today)} disabled={date === today && step === 1}>
          {t('nav.today')}
        </button>
        <button type="button" onClick={() => onChange(addDays(date, step))} aria-label={t(`nav.next_${unit}`)}>
          <span aria-hidden="true">{t(`nav.nextShort_${unit}`)}</span> ›
        </button>
        <label className="book-nav__picker">
          <span className="visually-hidden">{t('nav.pick')}</span>
          <input
            type="date"
            value={date}
            onChange={(e) => e.target.value && onChange(e.target.value)}
            aria-label={t('nav.pick')}
          />
        </label>
      </div>
      <h2 className="book-nav__heading" aria-live="polite" title={format.date(date, { weekday: true })}>
        {heading}
      </h2>
    </div>
  );
}
