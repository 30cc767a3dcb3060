import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient, PatientInput } from '../../../../../shared/domain/patient';
import { errorMessage, hasFieldErrors } from '../../../forms/field-errors';
import { useChannelMutation } from '../../../api/channel-hooks';
import { ApiError } from '../../../api/client';
import { Dialog, Notice } from '../../../ui';
import {
  BOOKING_REGISTRATION_DRAFT,
  checkPatientForm,
  emptyPatientForm,
  errorsToFormPaths,
  PatientForm,
  useRegistrationDraft,
  type FieldErrors,
  type PatientFormState,
} from '../../patients';
import { DraftRestoredNotice, useStoredDraft } from '../../../drafts';
import { useDateFormat } from '../../../format/use-date-format';
import type { DraftOfKind } from '../../../../../shared/domain/draft';

interface InlineRegisterDialogProps {
  prefillName: string;
  /** The button that leaves this dialog for the one underneath ("Back to booking"). */
  backLabel?: string;
  /** The registration draft this dialog types into: the booking's by default, the walk-in's has its own. */
  draftKey?: string;
  onRegistered(patient: Patient): void;
  onClose(): void;
}

/**
 * Registers a patient on top of the booking, which stays open underneath with everything typed. What
 * is typed here is a registration draft of its own ("booking"), kept when the dialog is closed.
 */
export function InlineRegisterDialog(props: InlineRegisterDialogProps) {
  const stored = useStoredDraft('registration', props.draftKey ?? BOOKING_REGISTRATION_DRAFT);
  if (!stored.loaded) return null;
  return <InlineRegisterForm {...props} stored={stored.draft} />;
}

function InlineRegisterForm({
  prefillName,
  draftKey = BOOKING_REGISTRATION_DRAFT,
  backLabel,
  onRegistered,
  onClose,
  stored,
}: InlineRegisterDialogProps & { stored: DraftOfKind<'registration'> | null }) {
  const { t } = useTranslation('appointments');
  const format = useDateFormat();
  const [blank] = useState(() => emptyPatientForm(prefillName));
  const [form, setForm] = useState<PatientFormState>(() => stored?.body.form ?? blank);
  const [restoredAt, setRestoredAt] = useState<string | null>(stored?.updatedAt ?? null);
  const draft = useRegistrationDraft(draftKey, form, blank, stored?.body ?? null);
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
      const registered = await registerMutation.mutateAsync({
        patient,
        confirmedNotDuplicate: confirmed,
        draftKey,
      });
      void draft.forget();
      onRegistered(registered);
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
      {restoredAt && (
        <DraftRestoredNotice
          message={t('register.draftRestored', { when: format.dateTime(restoredAt) })}
          discardLabel={t('register.discardDraft')}
          confirmTitle={t('register.discardDraftQuestion')}
          onDiscard={() => {
            void draft.forget();
            setForm(blank);
            setRestoredAt(null);
            setErrors({});
          }}
        />
      )}
      {draft.problem && <Notice tone="error">{t('common:drafts.notKept', { reason: draft.problem })}</Notice>}
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
        focusOnOpen
        actions={
          <button type="button" onClick={onClose}>
            {backLabel ?? t('register.back')}
          </button>
        }
      />
    </Dialog>
  );
}
