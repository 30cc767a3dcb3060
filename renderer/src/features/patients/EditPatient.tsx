import { useDateFormat } from '../../format/use-date-format';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, Patient, PatientInput } from '../../../../shared/domain/patient';
import { errorMessage, hasFieldErrors } from '../../forms/field-errors';
import { useChannelMutation } from '../../api/channel-hooks';
import { ApiError } from '../../api/client';
import { useSessionStore } from '../../app/session-store';
import { Dialog, Notice } from '../../ui';
import { newLikeness } from './duplicate-check';
import { DuplicateDialog } from './DuplicateDialog';
import { loadDraft, usePatientDraft, type DraftOf } from './patient-draft';
import {
  checkPatientForm,
  errorsToFormPaths,
  formFromPatient,
  type FieldErrors,
  type PatientFormState,
} from './patient-form-model';
import { PatientForm } from './PatientForm';

interface EditPatientProps {
  patient: Patient;
  onSaved(patient: Patient): void;
  onCancel(): void;
  /** After a conflict: drop the edits and show what is saved now. */
  onReload(): void;
}

/**
 * Editing sends the version the edits were made to, so a concurrent save is refused rather than
 * overwritten. Unsaved edits are kept as a draft until saved or cancelled, and come back when the
 * record is edited again (after a reload, a crash or a closed window).
 */
export function EditPatient({ patient, onSaved, onCancel, onReload }: EditPatientProps) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  const userId = useSessionStore((s) => s.session?.userId ?? 'signed-in-user');
  const draftOf = useMemo<DraftOf>(() => ({ kind: 'edit', patientId: patient.id }), [patient.id]);
  const [start] = useState(() => {
    const saved = loadDraft(userId, draftOf);
    return saved
      ? { form: saved.form, restoredAt: saved.savedAt, baseVersion: saved.baseVersion ?? patient.version }
      : { form: formFromPatient(patient), restoredAt: null, baseVersion: patient.version };
  });
  const [form, setForm] = useState<PatientFormState>(start.form);
  const [restoredAt, setRestoredAt] = useState<string | null>(start.restoredAt);
  const [baseVersion, setBaseVersion] = useState(start.baseVersion);
  const draft = usePatientDraft({ userId, of: draftOf, form, opened: start.form, baseVersion });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [focusErrorRequest, setFocusErrorRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [duplicates, setDuplicates] = useState<{
    candidates: DuplicateCandidate[];
    message: string;
    patient: PatientInput;
  } | null>(null);
  // Save is pressed at the bottom of a long form: bring main's answer into view.
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.scrollIntoView({ block: 'center' });
  }, [failure]);

  // Cancel drops typed edits (and their draft): ask first, unless nothing differs from the record.
  const cancel = () => {
    if (JSON.stringify(form) !== JSON.stringify(formFromPatient(patient))) {
      setConfirmingCancel(true);
      return;
    }
    draft.forget();
    onCancel();
  };
  const discardAndClose = () => {
    setConfirmingCancel(false);
    draft.forget();
    onCancel();
  };

  const discardDraft = () => {
    draft.forget();
    const fresh = formFromPatient(patient);
    draft.resetPristine(fresh);
    setForm(fresh);
    setBaseVersion(patient.version);
    setRestoredAt(null);
    setErrors({});
    setAttempted(false);
    setFailure(null);
  };

  const change = (next: PatientFormState) => {
    setForm(next);
    if (attempted) {
      const check = checkPatientForm(next);
      setErrors(check.ok ? {} : check.errors);
    }
  };

  // A changed name or phone changes what search finds.
  const update = useChannelMutation('patients.update', { invalidates: ['patients.search'] });

  const save = async (confirmedNotDuplicate = false) => {
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
    try {
      const saved = await update.mutateAsync({
        id: patient.id,
        version: baseVersion,
        patient: check.patient,
        confirmedNotDuplicate,
      });
      draft.forget();
      setDuplicates(null);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'POSSIBLE_DUPLICATE') {
        const candidates = await newLikeness(patient, check.patient).catch(() => []);
        setDuplicates({ candidates, message: error.message, patient: check.patient });
        return;
      }
      setDuplicates(null);
      const fields = errorsToFormPaths(error, check.rows);
      if (hasFieldErrors(fields)) {
        setErrors(fields);
        setFocusErrorRequest((n) => n + 1);
      }
      setFailure({
        message: errorMessage(error),
        conflict: error instanceof ApiError && error.code === 'CONFLICT',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="patient-edit" aria-labelledby="edit-title">
      <h2 id="edit-title">{t('edit.title')}</h2>
      {restoredAt && (
        <Notice tone="info">
          <span>{t('edit.draftRestored', { when: format.dateTime(restoredAt) })}</span>{' '}
          <button type="button" onClick={discardDraft}>
            {t('edit.discardDraft')}
          </button>
        </Notice>
      )}
      <div ref={failureRef}>
        {failure && (
          <Notice tone="error">
            {failure.message}
            {failure.conflict && (
              <>
                {' '}
                <button
                  type="button"
                  onClick={() => {
                    draft.forget();
                    onReload();
                  }}
                >
                  {t('edit.reload')}
                </button>
              </>
            )}
          </Notice>
        )}
      </div>
      <PatientForm
        value={form}
        errors={errors}
        onChange={change}
        onSubmit={() => void save()}
        focusErrorRequest={focusErrorRequest}
        busy={busy}
        label={t('edit.title')}
        submitLabel={t('edit.save')}
        actions={
          <button type="button" onClick={cancel}>
            {t('form.cancel')}
          </button>
        }
      />
      {confirmingCancel && (
        <Dialog
          open
          title={t('edit.cancelTitle')}
          onClose={() => setConfirmingCancel(false)}
          actions={
            <>
              <button type="button" className="primary" onClick={() => setConfirmingCancel(false)}>
                {t('edit.keepEditing')}
              </button>
              <button type="button" className="danger" onClick={discardAndClose}>
                {t('edit.discardChanges')}
              </button>
            </>
          }
        >
          <p>{t('edit.cancelQuestion')}</p>
        </Dialog>
      )}
      {duplicates && (
        <DuplicateDialog
          mode="edit"
          candidates={duplicates.candidates}
          message={duplicates.message}
          busy={busy}
          onConfirm={() => void save(true)}
          onBack={() => setDuplicates(null)}
        />
      )}
    </section>
  );
}
