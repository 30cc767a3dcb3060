import { useDateFormat } from '../../format/use-date-format';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, PatientInput } from '../../../../shared/domain/patient';
import { errorMessage, hasFieldErrors } from '../../forms/field-errors';
import { useChannelMutation } from '../../api/channel-hooks';
import { ApiError } from '../../api/client';
import { Notice } from '../../ui';
import { DraftRestoredNotice, useStoredDraft } from '../../drafts';
import type { DraftOfKind } from '../../../../shared/domain/draft';
import { findDuplicates } from './duplicate-check';
import { DuplicateDialog } from './DuplicateDialog';
import { REGISTRATION_DRAFT, useRegistrationDraft } from './patient-draft';
import {
  checkPatientForm,
  emptyPatientForm,
  errorsToFormPaths,
  type FieldErrors,
  type PatientFormState,
} from './patient-form-model';
import { PatientForm } from './PatientForm';
import { usePatientsNav } from './patients-nav-store';

interface Duplicates {
  candidates: DuplicateCandidate[];
  message: string | null;
  patient: PatientInput;
}

/** Registration: validate as main does, warn about likely duplicates, keep a draft until saved. */
export function RegisterPatient({ prefillName = '' }: { prefillName?: string }) {
  const { t } = useTranslation('patients');
  // The form opens once its draft is read, so nothing typed meanwhile could be replaced by it.
  const stored = useStoredDraft('registration', REGISTRATION_DRAFT);
  if (!stored.loaded) return <p role="status">{t('register.loadingDraft')}</p>;
  return <RegisterForm prefillName={prefillName} stored={stored.draft} />;
}

function RegisterForm({ prefillName, stored }: { prefillName: string; stored: DraftOfKind<'registration'> | null }) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  const show = usePatientsNav((s) => s.show);
  const openPatient = usePatientsNav((s) => s.openPatient);

  const [start] = useState(() =>
    stored
      ? { form: stored.body.form, restoredAt: stored.updatedAt }
      : { form: emptyPatientForm(prefillName), restoredAt: null },
  );
  const [form, setForm] = useState<PatientFormState>(start.form);
  const [blank] = useState(() => emptyPatientForm(prefillName));
  const [restoredAt, setRestoredAt] = useState<string | null>(start.restoredAt);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [focusErrorRequest, setFocusErrorRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  // Save is pressed at the bottom of a long form: bring main's answer into view.
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.scrollIntoView({ block: 'center' });
  }, [failure]);

  const draft = useRegistrationDraft(REGISTRATION_DRAFT, form, blank, stored?.body ?? null);

  const change = (next: PatientFormState) => {
    setForm(next);
    // After a failed save, messages follow the fixes as they are typed.
    if (attempted) {
      const check = checkPatientForm(next);
      setErrors(check.ok ? {} : check.errors);
    }
  };

  const discardDraft = () => {
    void draft.forget();
    setForm(blank);
    setRestoredAt(null);
    setErrors({});
    setAttempted(false);
  };

  const fail = (error: unknown, rows: { phoneRows: number[]; identifierRows: number[] }) => {
    const fields = errorsToFormPaths(error, rows);
    if (hasFieldErrors(fields)) {
      setErrors(fields);
      setFocusErrorRequest((n) => n + 1);
    }
    setFailure(errorMessage(error));
  };

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
      // Main removes the draft in the registration's own transaction.
      const created = await registerMutation.mutateAsync({
        patient,
        confirmedNotDuplicate: confirmed,
        draftKey: REGISTRATION_DRAFT,
      });
      void draft.forget();
      openPatient(created.id, { registeredNow: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'POSSIBLE_DUPLICATE') {
        // Someone registered a likely match since our check: show who, as for the check itself.
        const candidates = await findDuplicates(patient).catch(() => []);
        setDuplicates({ candidates, message: error.message, patient });
      } else {
        setDuplicates(null);
        fail(error, rows);
      }
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setAttempted(true);
    const check = checkPatientForm(form);
    if (!check.ok) {
      setErrors(check.errors);
      setFailure(null);
      setFocusErrorRequest((n) => n + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    setFailure(null);
    let candidates: DuplicateCandidate[];
    try {
      candidates = await findDuplicates(check.patient);
    } catch (error) {
      setBusy(false);
      fail(error, check.rows);
      return;
    }
    if (candidates.length > 0) {
      setBusy(false);
      setDuplicates({ candidates, message: null, patient: check.patient });
      return;
    }
    await register(check.patient, check.rows, false);
  };

  const registerAnyway = () => {
    if (!duplicates) return;
    const check = checkPatientForm(form);
    void register(duplicates.patient, check.ok ? check.rows : { phoneRows: [], identifierRows: [] }, true);
  };

  return (
    <section className="patient-register" aria-labelledby="register-title" onBlur={() => void draft.flush()}>
      <div className="patients__header">
        <h1 id="register-title">{t('register.title')}</h1>
      </div>
      {restoredAt && (
        <DraftRestoredNotice
          message={t('register.draftRestored', { when: format.dateTime(restoredAt) })}
          discardLabel={t('register.discardDraft')}
          confirmTitle={t('register.discardDraftQuestion')}
          onDiscard={discardDraft}
        />
      )}
      {draft.problem && <Notice tone="error">{t('common:drafts.notKept', { reason: draft.problem })}</Notice>}
      <div ref={failureRef}>{failure && <Notice tone="error">{failure}</Notice>}</div>
      <PatientForm
        value={form}
        errors={errors}
        onChange={change}
        onSubmit={() => void save()}
        focusErrorRequest={focusErrorRequest}
        busy={busy}
        label={t('register.title')}
        submitLabel={t('register.save')}
        focusOnOpen
        actions={
          <button type="button" onClick={() => show({ kind: 'search' })}>
            {t('form.cancel')}
          </button>
        }
      />
      {duplicates && (
        <DuplicateDialog
          candidates={duplicates.candidates}
          message={duplicates.message}
          busy={busy}
          onOpen={(c) => {
            // The person chose the patient already registered: the abandoned registration is not a
            // draft to bring back at the next "New patient" (issue 12, point 4).
            void draft.forget();
            openPatient(c.id);
          }}
          onConfirm={registerAnyway}
          onBack={() => setDuplicates(null)}
        />
      )}
    </section>
  );
}
