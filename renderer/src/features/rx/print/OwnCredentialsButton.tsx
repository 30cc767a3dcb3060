import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useChannelMutation } from '../../../api/channel-hooks';
import { Dialog, Notice, TextField } from '../../../ui';
import { errorMessage, fieldErrors, topLevelField } from '../../../forms/field-errors';
import { mayUse } from '../../../../../shared/contract';
import type { Role } from '../../../../../shared/domain/roles';
import type { User } from '../../../../../shared/domain/user';

/**
 * "My prescription details": doctors set their own qualifications and registration number, printed
 * under their name on every prescription (users.updateOwnCredentials). Shown only to doctors.
 */
export function OwnCredentialsButton({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation('rxprint');
  const [own, setOwn] = useState<User | null>(null);
  const [alert, setAlert] = useState('');
  if (!mayUse('users.updateOwnCredentials', roles)) return null;
  async function open() {
    setAlert('');
    try {
      setOwn(await call('users.own', {}));
    } catch (error) {
      setAlert(errorMessage(error));
    }
  }
  return (
    <>
      <button type="button" onClick={() => void open()}>
        {t('credentials.open')}
      </button>
      {alert && <Notice tone="error">{alert}</Notice>}
      {own && <OwnCredentialsDialog own={own} onClose={() => setOwn(null)} />}
    </>
  );
}

function OwnCredentialsDialog({ own, onClose }: { own: User; onClose(): void }) {
  const { t } = useTranslation('rxprint');
  const formId = useId();
  const [qualifications, setQualifications] = useState(own.qualifications);
  const [registrationNumber, setRegistrationNumber] = useState(own.registrationNumber);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useChannelMutation('users.updateOwnCredentials');
  const [version, setVersion] = useState(own.version);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const user = await save.mutateAsync({ version, qualifications, registrationNumber });
      setVersion(user.version);
      setQualifications(user.qualifications);
      setRegistrationNumber(user.registrationNumber);
      setErrors({});
      setAlert('');
      setSaved(true);
    } catch (error) {
      // What was typed stays in the form while the person fixes it.
      const fields = fieldErrors(error, topLevelField);
      setErrors(fields);
      setSaved(false);
      setAlert(Object.keys(fields).length ? '' : errorMessage(error));
    }
  }

  return (
    <Dialog
      open
      title={t('credentials.title')}
      onClose={onClose}
      actions={
        <>
          <button type="submit" form={formId} className="primary" disabled={save.isPending}>
            {t('credentials.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('credentials.close')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('credentials.intro')}</p>
        {alert && <Notice tone="error">{alert}</Notice>}
        {saved && <Notice tone="success">{t('credentials.saved')}</Notice>}
        <TextField
          label={t('credentials.qualifications')}
          hint={t('credentials.qualificationsHint')}
          value={qualifications}
          onChange={(e) => setQualifications(e.target.value)}
          error={errors.qualifications}
        />
        <TextField
          label={t('credentials.registrationNumber')}
          hint={t('credentials.registrationNumberHint')}
          value={registrationNumber}
          onChange={(e) => setRegistrationNumber(e.target.value)}
          error={errors.registrationNumber}
          spellCheck={false}
        />
      </form>
    </Dialog>
  );
}
