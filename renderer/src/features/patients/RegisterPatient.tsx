import { useDateFormat } from '../../format/use-date-format';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, PatientInput } from '../../../../shared/domain/patient';
import { errorMessage, hasFieldErrors } from '../../forms/field-errors';
import { useChannelMutation } from '../../api/channel-hooks';
import { ApiError } from '../../api/client';
import { useSessionStore } from '../../app/session-store';
import { Notice } from '../../ui';
import { findDuplicates } from './duplicate-check';
import { DuplicateDialog } from './DuplicateDialog';
import { loadDraft, REGISTRATION, usePatientDraft } from './patient-draft';
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
  const format = useDateFormat();
  const userId = useSessionStore((s) => s.session?.userId ?? 'signed-in-user');
  const show = usePatientsNav((s) => s.show);
  const openPatient = usePatientsNav((s) => s.openPatient);

  const [start] = useState(() => {
    const draft = loadDraft(userId);
    return draft
      ? { form: draft.form, restoredAt: draft.savedAt }
      : { form: emptyPatientForm(prefillName), restoredAt: null };
  });
  const [form, setForm] = useState<PatientFormState>(start.form);
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

  const draft = usePatientDraft({ userId, of: REGISTRATION, form, opened: start.form });

  const change = (next: PatientFormState) => {
    setForm(next);
    // After a failed save, messages follow the fixes as they are typed.
    if (attempted) {
      const check = checkPatientForm(next);
      setErrors(check.ok ? {} : check.errors);
    }
  };

  const discardDraft = () => {
    draft.forget();
    const fresh = emptyPatientForm(prefillName);
    draft.resetPristine(fresh);
    setForm(fresh);
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
      const created = await registerMutation.mutateAsync({ patient, confirmedNotDuplicate: confirmed });
      draft.forget();
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
    <section className="patient-register" aria-labelledby="register-title">
      <div className="patients__header">
        <h1 id="register-title">{t('register.title')}</h1>
      </div>
      {restoredAt && (
        <Notice tone="info">
          <span>{t('register.draftRestored', { when: format.dateTime(restoredAt) })}</span>{' '}
          <button type="button" onClick={discardDraft}>
            {t('register.discardDraft')}
          </button>
        </Notice>
      )}
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
          onOpen={(c) => openPatient(c.id)}
          onConfirm={registerAnyway}
          onBack={() => setDuplicates(null)}
        />
      )}
    </section>
  );
}
