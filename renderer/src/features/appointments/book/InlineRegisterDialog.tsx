import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, PatientInput } from '../../../../../shared/domain/patient';
import { errorMessage, hasFieldErrors } from '../../../forms/field-errors';
import { useChannelMutation } from '../../../api/channel-hooks';
import { ApiError } from '../../../api/client';
import { Dialog, Notice } from '../../../ui';
import {
  checkPatientForm,
  emptyPatientForm,
  errorsToFormPaths,
  PatientForm,
  type FieldErrors,
  type PatientFormState,
} from '../../patients';

interface InlineRegisterDialogProps {
  prefillName: string;
  onRegistered(patient: Patient): void;
  onClose(): void;
}

/** Registers a patient on top of the booking, which stays open underneath with everything typed. */
export function InlineRegisterDialog({ prefillName, onRegistered, onClose }: InlineRegisterDialogProps) {
  const { t } = useTranslation('appointments');
  const [form, setForm] = useState<PatientFormState>(() => emptyPatientForm(prefillName));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusErrorRequest, setFocusErrorRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<PatientInput | null>(null);

  // A new patient is one search should find.
  const registerMutation = useChannelMutation('patients.register', { invalidates: ['patients.search'] });

  const register = async (
    patient: PatientInput,
    rows: { phoneRows: number[]; identifierRows: number[] },
    confirmed: boolean,
  ) => {
    setBusy(true);
    setFailure(null);
    try {
      onRegistered(await registerMutation.mutateAsync({ patient, confirmedNotDuplicate: confirmed }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'POSSIBLE_DUPLICATE') setDuplicateOf(patient);
      const fields = errorsToFormPaths(error, rows);
      if (hasFieldErrors(fields)) {
        setErrors(fields);
        setFocusErrorRequest((n) => n + 1);
      }
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    const check = checkPatientForm(form);
    if (!check.ok) {
      setErrors(check.errors);
      setFocusErrorRequest((n) => n + 1);
      return;
    }
    setErrors({});
    setDuplicateOf(null);
    void register(check.patient, check.rows, false);
  };

  return (
    <Dialog open title={t('register.title')} onClose={onClose}>
      {failure && (
        <Notice tone="error">
          {failure}
          {duplicateOf && (
            <button
              type="button"
              onClick={() => void register(duplicateOf, { phoneRows: [], identifierRows: [] }, true)}
            >
              {t('register.anyway')}
            </button>
          )}
        </Notice>
      )}
      <PatientForm
        value={form}
        errors={errors}
        onChange={setForm}
        onSubmit={save}
        focusErrorRequest={focusErrorRequest}
        busy={busy}
        label={t('register.title')}
        submitLabel={t('register.save')}
        actions={
          <button type="button" onClick={onClose}>
            {t('register.back')}
          </button>
        }
      />
    </Dialog>
  );
}
