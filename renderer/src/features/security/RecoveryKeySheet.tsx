import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, Notice } from '../../ui';

interface RecoveryKeySheetProps {
  recoveryKey: string;
  clinicName: string | null;
  /** Set-up asks the administrator to confirm they kept it before going on; Settings just shows it. */
  onContinue?: () => void;
}

/**
 * The clinic's recovery key, shown once at set-up (and again in Settings to an administrator who
 * re-enters their password): the only way to open the encrypted records on another computer or
 * after the system is reinstalled. Printed from this page (print styles show only the sheet).
 */
export function RecoveryKeySheet({ recoveryKey, clinicName, onContinue }: RecoveryKeySheetProps) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  const [copied, setCopied] = useState(false);
  const groups = recoveryKey.split('-');

  async function copy() {
    await navigator.clipboard.writeText(recoveryKey);
    setCopied(true);
  }

  return (
    <section className="recovery-sheet" aria-labelledby="recovery-sheet-title">
      <h2 id="recovery-sheet-title">{t('recovery.sheet.title')}</h2>
      {clinicName && <p className="recovery-sheet__clinic">{clinicName}</p>}
      <p>{t('recovery.sheet.explain')}</p>
      <div role="group" className="recovery-sheet__key" aria-label={t('recovery.sheet.keyLabel')} translate="no">
        {groups.join(' ')}
      </div>
      <Notice tone="info">{t('recovery.sheet.warning')}</Notice>
      <div className="form-actions recovery-sheet__actions">
        <button type="button" onClick={() => window.print()}>
          {t('recovery.sheet.print')}
        </button>
        <button type="button" onClick={() => void copy()}>
          {copied ? t('recovery.sheet.copied') : t('recovery.sheet.copy')}
        </button>
      </div>
      {onContinue && (
        <div className="recovery-sheet__continue">
          <CheckboxField label={t('recovery.sheet.kept')} checked={kept} onChange={(e) => setKept(e.target.checked)} />
          <div className="form-actions">
            <button type="button" disabled={!kept} onClick={onContinue}>
              {t('recovery.sheet.continue')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
