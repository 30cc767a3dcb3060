import { useTranslation } from 'react-i18next';
import type { VitalFlag } from '../../../../../shared/domain/vitals';

/**
 * An abnormal value's mark: an arrow shape and the word, so it reads without colour (and is
 * announced as "high" or "low"); `compact` shows the arrow alone in tables, the word still spoken.
 */
export function VitalFlagMark({ flag, compact = false }: { flag: VitalFlag | null | undefined; compact?: boolean }) {
  const { t } = useTranslation('vitals');
  if (!flag) return null;
  const word = t(`flag.${flag}`);
  return (
    <span className={`vitals-flag vitals-flag--${flag}`} title={compact ? word : undefined}>
      <span aria-hidden="true">{flag === 'high' ? '▲' : '▼'}</span>
      {compact ? <span className="visually-hidden"> {word}</span> : ` ${word}`}
    </span>
  );
}
