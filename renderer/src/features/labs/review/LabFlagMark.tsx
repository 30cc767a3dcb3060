import { useTranslation } from 'react-i18next';
import type { LabFlag } from '../../../../../shared/domain/lab';
import { resultPriority } from '../../../../../shared/domain/lab-review';

const ARROW: Partial<Record<LabFlag, string>> = { L: '▼', LL: '▼▼', H: '▲', HH: '▲▲', A: '●', AA: '●●' };

/**
 * A result's flag as a shape and a word, so it reads without colour: "▲ High", "▲▲ Critically
 * high"; a normal result shows nothing. The lab's critical mark with a plain flag still says critical.
 */
export function LabFlagMark({ flag, critical }: { flag: LabFlag | null; critical: boolean }) {
  const { t } = useTranslation('labreview');
  const priority = resultPriority({ flag, critical });
  if (priority === 'normal') return null;
  const word = flag && flag !== 'N' ? t(`flag.${flag}`) : '';
  const label =
    critical && !(flag === 'LL' || flag === 'HH' || flag === 'AA')
      ? [word, t('flag.critical')].filter(Boolean).join(', ')
      : word;
  return (
    <span className={`lab-review-flag lab-review-flag--${priority}`}>
      <span aria-hidden="true">{(flag && ARROW[flag]) ?? '!'}</span> {label}
    </span>
  );
}

/** A report's or inbox row's priority as a word with its own mark. */
export function LabPriorityMark({ priority }: { priority: 'critical' | 'abnormal' | 'normal' }) {
  const { t } = useTranslation('labreview');
  return <span className={`lab-priority lab-priority--${priority}`}>{t(`priority.${priority}`)}</span>;
}
