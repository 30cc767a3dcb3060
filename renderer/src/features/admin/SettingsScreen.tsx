import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { useSessionStore } from '../../app/session-store';
import { timeZoneOptions } from '../../app/time-zones';
import { Notice, SelectField, TextAreaField, TextField } from '../../ui';
import {
  PAPER_SIZES,
  PRESCRIPTION_PAPER_SIZES,
  SLIP_SIZES,
  type ClinicSettings,
} from '../../../../shared/domain/settings';
import { PRINT_LANGUAGES, printLanguageName } from '../../../../shared/rx-print/print-language';
import { errorMessage, fieldErrors, topLevelField } from '../../forms/field-errors';
import './admin.css';
import { RecoveryKeySection } from '../security/RecoveryKeySection';

/** The form keeps the idle minutes as typed, so a half-typed number is not lost or coerced. */
type SettingsForm = Omit<ClinicSettings, 'idleLockMinutes'> & { idleLockMinutes: string };

function toForm(s: ClinicSettings): SettingsForm {
  return { ...s, idleLockMinutes: String(s.idleLockMinutes) };
}

/** Clinic details printed on documents, the clinic's time zone, idle lock and paper size. */
export function SettingsScreen() {
  const { t } = useTranslation('admin');
  const settingsQuery = useChannelQuery('settings.get', {});
  // What the administrator typed; until they type, the form shows the saved settings.
  const [edited, setEdited] = useState<SettingsForm | null>(null);
  const form = edited ?? (settingsQuery.data ? toForm(settingsQuery.data) : null);
  const update = useChannelMutation('settings.update', { invalidates: ['settings.get'] });
  const busy = update.isPending;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState('');
  const alert =
    saveError || (settingsQuery.error ? t('settings.loadFailed', { message: errorMessage(settingsQuery.error) }) : '');
  const [status, setStatus] = useState('');

  const currentZone = form?.timeZone;
  const zones = useMemo(
    () =>
      currentZone === undefined
        ? []
        : timeZoneOptions(currentZone).map((z) => ({ value: z, label: z.replace(/_/g, ' ') })),
    [currentZone],
  );

  if (!form) {
    return (
      <section className="admin-screen" aria-labelledby="admin-settings-title">
        <h1 id="admin-settings-title">{t('settings.title')}</h1>
        {alert ? <Notice tone="error">{alert}</Notice> : <p>{t('loading')}</p>}
      </section>
    );
  }

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => {
    setEdited({ ...form, [key]: value });
    setStatus('');
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const minutes = Number(form.idleLockMinutes.trim());
    if (form.idleLockMinutes.trim() === '' || !Number.isInteger(minutes)) {
      setErrors({ idleLockMinutes: t('settings.idleLockInvalid') });
      setSaveError('');
      return;
    }
    try {
      const saved = await update.mutateAsync({ ...form, idleLockMinutes: minutes });
      setEdited(toForm(saved));
      setErrors({});
      setSaveError('');
      setStatus(t('settings.saved'));
      // The shell shows the clinic name and runs the idle timer from the session: keep both current.
      useSessionStore.setState((s) => ({
        clinicName: saved.clinicName,
        clinicTimeZone: saved.timeZone,
        session: s.session ? { ...s.session, idleLockMinutes: saved.idleLockMinutes } : null,
      }));
    } catch (error) {
      // The form keeps what was typed, so nothing is lost while the person fixes it.
      const fields = fieldErrors(error, topLevelField);
      setErrors(fields);
      setStatus('');
      setSaveError(t('settings.saveFailed', { message: errorMessage(error) }));
    }
  }

  return (
    <section className="admin-screen" aria-labelledby="admin-settings-title">
      <h1 id="admin-settings-title">{t('settings.title')}</h1>
      <p className="admin-screen__intro">{t('settings.intro')}</p>
      <form className="admin-settings" onSubmit={save} noValidate aria-labelledby="admin-settings-title">
        {alert && <Notice tone="error">{alert}</Notice>}
        <div className="admin-settings__pair">
          <TextField
            label={t('settings.clinicName')}
            value={form.clinicName}
            onChange={(e) => set('clinicName', e.target.value)}
            error={errors.clinicName}
            required
          />
          <TextField
            label={t('settings.phone')}
            type="tel"
            value={form.phone}
            onChange={(e) => set('phone', e.target.value)}
            error={errors.phone}
          />
          <TextAreaField
            label={t('settings.address')}
            value={form.address}
            onChange={(e) => set('address', e.target.value)}
            error={errors.address}
            rows={3}
          />
          <TextAreaField
            label={t('settings.letterhead')}
            hint={t('settings.letterheadHint')}
            value={form.letterhead}
            onChange={(e) => set('letterhead', e.target.value)}
            error={errors.letterhead}
            rows={3}
          />
        </div>
        <div className="admin-settings__row">
          <SelectField
            label={t('settings.timeZone')}
            hint={t('settings.timeZoneHint')}
            value={form.timeZone}
            onChange={(e) => set('timeZone', e.target.value)}
            error={errors.timeZone}
            options={zones}
          />
          <TextField
            label={t('settings.idleLockMinutes')}
            hint={t('settings.idleLockHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            step={1}
            value={form.idleLockMinutes}
            onChange={(e) => set('idleLockMinutes', e.target.value)}
            error={errors.idleLockMinutes}
          />
          <SelectField
            label={t('settings.paperSize')}
            value={form.paperSize}
            onChange={(e) => set('paperSize', e.target.value as SettingsForm['paperSize'])}
            error={errors.paperSize}
            options={PAPER_SIZES.map((p) => ({ value: p, label: t(`settings.paper.${p}`) }))}
          />
          <SelectField
            label={t('settings.slipSize')}
            hint={t('settings.slipSizeHint')}
            value={form.slipSize}
            onChange={(e) => set('slipSize', e.target.value as SettingsForm['slipSize'])}
            error={errors.slipSize}
            options={SLIP_SIZES.map((p) => ({ value: p, label: t(`settings.slip.${p}`) }))}
          />
        </div>
        <div className="admin-settings__row">
          <SelectField
            label={t('settings.prescriptionPaperSize')}
            hint={t('settings.prescriptionPaperHint')}
            value={form.prescriptionPaperSize}
            onChange={(e) => set('prescriptionPaperSize', e.target.value as SettingsForm['prescriptionPaperSize'])}
            error={errors.prescriptionPaperSize}
            options={PRESCRIPTION_PAPER_SIZES.map((p) => ({ value: p, label: t(`settings.paper.${p}`) }))}
          />
          <SelectField
            label={t('settings.printLanguage')}
            hint={t('settings.printLanguageHint')}
            value={form.printLanguage}
            onChange={(e) => set('printLanguage', e.target.value as SettingsForm['printLanguage'])}
            error={errors.printLanguage}
            options={PRINT_LANGUAGES.map((code) => ({ value: code, label: printLanguageName(code) }))}
          />
        </div>
        <div className="admin-settings__actions">
          <button type="submit" disabled={busy}>
            {busy ? t('settings.saving') : t('settings.save')}
          </button>
          {status && <Notice tone="success">{status}</Notice>}
        </div>
      </form>
      <RecoveryKeySection />
    </section>
  );
}
