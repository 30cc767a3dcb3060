import { useDateFormat } from '../../format/use-date-format';
import { useTranslation } from 'react-i18next';
import { useClinicTimeZone } from '../../app/session-store';
import type { DuplicateCandidate } from '../../../../shared/domain/patient';
import { fullName } from '../../../../shared/text';
import { Dialog } from '../../ui';
import { ageLabel } from './patient-display';

interface DuplicateDialogProps {
  candidates: DuplicateCandidate[];
  /** Main's own words when it refused the save (POSSIBLE_DUPLICATE). */
  message: string | null;
  busy: boolean;
  /** Registering a new patient, or saving edits that make a record look like another patient's. */
  mode?: 'register' | 'edit';
  /** Opens the other record instead (registration only: leaving an edit would drop it). */
  onOpen?(candidate: DuplicateCandidate): void;
  onConfirm(): void;
  onBack(): void;
}

/**
 * Shown before a registration that looks like someone already registered (open them, or confirm a
 * new person), and before saving edits that make a record look like another patient's.
 */
export function DuplicateDialog({
  candidates,
  message,
  busy,
  mode = 'register',
  onOpen,
  onConfirm,
  onBack,
}: DuplicateDialogProps) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  const clinicTimeZone = useClinicTimeZone();
  const words = mode === 'edit' ? 'duplicates.edit' : 'duplicates';
  return (
    <Dialog
      open
      title={t('duplicates.title')}
      onClose={onBack}
      actions={
        <>
          <button type="button" onClick={onBack}>
            {t('duplicates.back')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
            {t(mode === 'edit' ? 'duplicates.edit.saveAnyway' : 'duplicates.registerAnyway')}
          </button>
        </>
      }
    >
      <p>{t(`${words}.intro`, { count: candidates.length })}</p>
      {candidates.length === 0 && message && <p>{message}</p>}
      <ul className="duplicate-list">
        {candidates.map((c) => {
          const name = fullName(c) || t('unnamed');
          return (
            <li key={c.id} className="duplicate-list__item">
              <div>
                <p className="duplicate-list__name">{name}</p>
                <p className="duplicate-list__facts">
                  {t('duplicates.facts', {
                    sex: t(`sex.${c.sex}`),
                    age: ageLabel(c.birthDate, clinicTimeZone),
                    birthDate: format.date(c.birthDate) + (c.birthDateEstimated ? ` ${t('results.estimated')}` : ''),
                    mrn: c.mrn,
                  })}
                  {c.phone && ` · ${t('duplicates.phone', { phone: c.phone })}`}
                </p>
                <p className="duplicate-list__reason">{t(`duplicates.reason.${c.reason}`)}</p>
              </div>
              {onOpen && (
                <button type="button" onClick={() => onOpen(c)}>
                  {t('duplicates.open', { name })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
