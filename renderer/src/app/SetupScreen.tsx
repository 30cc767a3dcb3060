import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../api/channel-hooks';
import { ApiError, call } from '../api/client';
import type { SessionInfo } from '../../../shared/domain/user';
import { RecoveryKeySheet } from '../features/security/RecoveryKeySheet';
import { contract, type ChannelInput } from '../../../shared/contract';
import { PAPER_SIZES } from '../../../shared/domain/settings';
import { PASSWORD_MIN_LENGTH } from '../../../shared/domain/user';
import { CheckboxField, Notice, SelectField, TextAreaField, TextField } from '../ui';
import { AuthLayout } from './AuthLayout';
import { errorMessage, fieldErrors, focusFirstInvalid, hasFieldErrors } from '../forms/field-errors';
import { enterSignedIn, loadStatus } from './session-actions';
import { useSessionStore } from './session-store';
import { browserTimeZone, timeZoneOptions } from './time-zones';

type PaperSize = (typeof PAPER_SIZES)[number];

interface SetupForm {
  clinicName: string;
  address: string;
  phone: string;
  timeZone: string;
  letterhead: string;
  idleLockMinutes: string;
  paperSize: PaperSize;
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
  alsoDoctor: boolean;
}

const CLINIC_FIELDS = [
  'clinicName',
  'address',
  'phone',
  'timeZone',
  'letterhead',
  'idleLockMinutes',
  'paperSize',
] as const;
const ADMIN_FIELDS = ['username', 'displayName', 'password', 'confirmPassword', 'alsoDoctor'] as const;
const KNOWN_KEYS = new Set<string>([
  ...CLINIC_FIELDS.map((f) => `clinic.${f}`),
  ...ADMIN_FIELDS.map((f) => `admin.${f}`),
]);

function toInput(form: SetupForm): ChannelInput<'setup.complete'> {
  const minutes = form.idleLockMinutes.trim();
  return {
    clinic: {
      clinicName: form.clinicName,
      address: form.address,
      phone: form.phone,
      timeZone: form.timeZone,
      letterhead: form.letterhead,
      // NaN makes the schema say "Enter the idle time in whole minutes" rather than inventing a value.
      idleLockMinutes: minutes === '' ? Number.NaN : Number(minutes),
      paperSize: form.paperSize,
    },
    admin: {
      username: form.username,
      displayName: form.displayName,
      password: form.password,
      alsoDoctor: form.alsoDoctor,
    },
  };
}

/** First run: the clinic's details and the first administrator, checked with the same schemas main uses. */
export function SetupScreen() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<SetupForm>(() => ({
    clinicName: '',
    address: '',
    phone: '',
    timeZone: browserTimeZone(),
    letterhead: '',
    idleLockMinutes: '10',
    paperSize: 'A4',
    username: '',
    displayName: '',
    password: '',
    confirmPassword: '',
    alsoDoctor: false,
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ message: string; alreadySetUp?: boolean } | null>(null);
  const complete = useChannelMutation('setup.complete');
  const [done, setDone] = useState<{ session: SessionInfo; recoveryKey: string } | null>(null);
  const busy = complete.isPending;
  const [focusRequest, setFocusRequest] = useState(0);
  const zones = useMemo(() => timeZoneOptions(form.timeZone), [form.timeZone]);

  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current);
  }, [focusRequest]);

  const set =
    <K extends keyof SetupForm>(key: K) =>
    (value: SetupForm[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const text = (key: Exclude<keyof SetupForm, 'alsoDoctor' | 'paperSize'>) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
  });

  const showErrors = (fields: Record<string, string>, message: string) => {
    setErrors(fields);
    const unplaced = Object.entries(fields).filter(([k]) => !KNOWN_KEYS.has(k));
    setNotice({ message: [message, ...unplaced.map(([, m]) => m)].join(' ') });
    setFocusRequest((n) => n + 1);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const input = toInput(form);
    const parsed = contract['setup.complete'].input.safeParse(input);
    const fields = parsed.success ? {} : fieldErrors(parsed.error);
    if (form.password !== form.confirmPassword) fields['admin.confirmPassword'] = t('setup.passwordsDiffer');
    if (Object.keys(fields).length > 0) {
      showErrors(fields, t('setup.fixFields'));
      return;
    }
    setNotice(null);
    try {
      const session = await complete.mutateAsync(input);
      useSessionStore.getState().setClinic({ clinicName: form.clinicName.trim(), clinicTimeZone: form.timeZone });
      // The recovery key is shown once, now, before anything else; Settings shows it again to an
      // administrator who re-enters their password.
      try {
        const { recoveryKey } = await call('security.recoveryKey', { password: form.password });
        setDone({ session, recoveryKey });
      } catch {
        enterSignedIn(session);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ALREADY_SET_UP') {
        setErrors({});
        setNotice({ message: t('setup.alreadySetUp'), alreadySetUp: true });
      } else if (hasFieldErrors(fieldErrors(error))) {
        showErrors(fieldErrors(error), t('setup.fixFields'));
      } else {
        setErrors({});
        setNotice({ message: errorMessage(error) });
      }
    }
  };

  if (done) {
    return (
      <AuthLayout wide>
        <RecoveryKeySheet
          recoveryKey={done.recoveryKey}
          clinicName={form.clinicName.trim()}
          onContinue={() => enterSignedIn(done.session)}
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout wide>
      <h1>{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro')}</p>
      {notice && (
        <Notice tone="error">
          {notice.message}{' '}
          {notice.alreadySetUp && (
            <button type="button" onClick={() => void loadStatus()}>
              {t('setup.goToSignIn')}
            </button>
          )}
        </Notice>
      )}
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={t('setup.title')}>
        <div className="setup-columns">
          <fieldset>
            <legend>{t('setup.clinicSection')}</legend>
            <TextField
              label={t('setup.clinicName')}
              error={errors['clinic.clinicName']}
              autoComplete="organization"
              {...text('clinicName')}
            />
            <TextAreaField label={t('setup.address')} error={errors['clinic.address']} rows={2} {...text('address')} />
            <TextField
              label={t('setup.phone')}
              error={errors['clinic.phone']}
              type="tel"
              autoComplete="tel"
              {...text('phone')}
            />
            <SelectField
              label={t('setup.timeZone')}
              hint={t('setup.timeZoneHint')}
              error={errors['clinic.timeZone']}
              options={zones.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))}
              {...text('timeZone')}
            />
            <TextAreaField
              label={t('setup.letterhead')}
              hint={t('setup.letterheadHint')}
              error={errors['clinic.letterhead']}
              rows={2}
              {...text('letterhead')}
            />
            <div className="field-pair">
              <TextField
                label={t('setup.idleLockMinutes')}
                hint={t('setup.idleLockHint')}
                error={errors['clinic.idleLockMinutes']}
                type="number"
                inputMode="numeric"
                min={1}
                max={240}
                step={1}
                {...text('idleLockMinutes')}
              />
              <SelectField
                label={t('setup.paperSize')}
                error={errors['clinic.paperSize']}
                options={PAPER_SIZES.map((p) => ({ value: p, label: t(`setup.paper.${p}`) }))}
                value={form.paperSize}
                onChange={(e) => set('paperSize')(e.target.value as PaperSize)}
              />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('setup.adminSection')}</legend>
            <p className="muted">{t('setup.adminIntro')}</p>
            <TextField
              label={t('setup.displayName')}
              hint={t('setup.displayNameHint')}
              error={errors['admin.displayName']}
              autoComplete="name"
              {...text('displayName')}
            />
            <TextField
              label={t('setup.username')}
              hint={t('setup.usernameHint')}
              error={errors['admin.username']}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              {...text('username')}
            />
            <TextField
              label={t('setup.password')}
              hint={t('setup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              error={errors['admin.password']}
              type="password"
              autoComplete="new-password"
              {...text('password')}
            />
            <TextField
              label={t('setup.confirmPassword')}
              error={errors['admin.confirmPassword']}
              type="password"
              autoComplete="new-password"
              {...text('confirmPassword')}
            />
            <CheckboxField
              label={t('setup.alsoDoctor')}
              hint={t('setup.alsoDoctorHint')}
              checked={form.alsoDoctor}
              onChange={(e) => set('alsoDoctor')(e.target.checked)}
            />
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? t('setup.submitting') : t('setup.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
