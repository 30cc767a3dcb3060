import { useTranslation } from 'react-i18next';
import type { DraftBlock } from './weekly-draft';

interface WeekdayRowProps {
  weekday: number;
  blocks: DraftBlock[];
  errors: Record<string, string>;
  onChange(blocks: DraftBlock[]): void;
  onAdd(): void;
}

/** One day of the weekly table: its working blocks, each with start, end and remove. */
export function WeekdayRow({ weekday, blocks, errors, onChange, onAdd }: WeekdayRowProps) {
  const { t } = useTranslation('admin');
  const day = t(`hours.weekdays.${weekday}`);
  const update = (index: number, patch: Partial<DraftBlock>) =>
    onChange(blocks.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  const remove = (index: number) => onChange(blocks.filter((_, i) => i !== index));

  return (
    <tr>
      <th scope="row" className="hours-week__day">
        {day}
      </th>
      <td>
        {blocks.length === 0 && <p className="hours-week__off">{t('hours.weekly.notWorking')}</p>}
        <ul className="hours-week__blocks">
          {blocks.map((block, index) => {
            const n = index + 1;
            const error = errors[block.key];
            const errorId = `hours-block-error-${block.key}`;
            const removeName =
              block.start && block.end
                ? t('hours.weekly.removeBlockOn', { start: block.start, end: block.end, day })
                : t('hours.weekly.removeBlockUnset', { n, day });
            return (
              <li key={block.key} className={`hours-block${error ? ' hours-block--invalid' : ''}`}>
                <div className="hours-block__times">
                  <input
                    type="time"
                    value={block.start}
                    onChange={(e) => update(index, { start: e.target.value })}
                    aria-label={t('hours.weekly.start', { n, day })}
                    aria-invalid={!!error}
                    aria-describedby={error ? errorId : undefined}
                  />
                  <span aria-hidden="true">{t('hours.weekly.to')}</span>
                  <input
                    type="time"
                    value={block.end}
                    onChange={(e) => update(index, { end: e.target.value })}
                    aria-label={t('hours.weekly.end', { n, day })}
                    aria-invalid={!!error}
                    aria-describedby={error ? errorId : undefined}
                  />
                  <button
                    type="button"
                    className="hours-block__remove"
                    onClick={() => remove(index)}
                    aria-label={removeName}
                  >
                    {t('hours.weekly.removeBlock')}
                  </button>
                </div>
                {error && (
                  <p id={errorId} className="field__error" role="alert">
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </td>
      <td className="hours-week__add">
        <button type="button" onClick={onAdd} aria-label={t('hours.weekly.addBlockOn', { day })}>
          {t('hours.weekly.addBlock')}
        </button>
      </td>
    </tr>
  );
}
