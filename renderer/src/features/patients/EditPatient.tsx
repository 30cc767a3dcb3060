import { useDateFormat } from '../../format/use-date-format';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, Patient, PatientInput } from '../../../../shared/domain/patient';
import { errorMessage, hasFieldErrors } from '../../forms/field-errors';
import { useChannelMutation } from '../../api/channel-hooks';
import { ApiError } from '../../api/client';
import { Dialog, Notice } from '../../ui';
import { DraftRestoredNotice, useStoredDraft } from '../../drafts';
import type { DraftOfKind } from '../../../../shared/domain/draft';
import { newLikeness } from './duplicate-check';
import { DuplicateDialog } from './DuplicateDialog';
import { usePatientEditDraft } from './patient-draft';
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
export function EditPatient(props: EditPatientProps) {
  const { t } = useTranslation('patients');
  // The form opens once its draft is read, so nothing typed meanwhile could be replaced by it.
  const stored = useStoredDraft('patientEdit', props.patient.id);
  if (!stored.loaded) return <p role="status">{t('edit.loadingDraft')}</p>;
  return <EditForm {...props} stored={stored.draft} />;
}

function EditForm({
  patient,
  onSaved,
  onCancel,
  onReload,
  stored,
}: EditPatientProps & { stored: DraftOfKind<'patientEdit'> | null }) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  const [start] = useState(() =>
    stored
      ? { form: stored.body.form, restoredAt: stored.updatedAt, baseVersion: stored.body.baseVersion }
      : { form: formFromPatient(patient), restoredAt: null, baseVersion: patient.version },
  );
  const [form, setForm] = useState<PatientFormState>(start.form);
  const [blank] = useState(() => formFromPatient(patient));
  const [restoredAt, setRestoredAt] = useState<string | null>(start.restoredAt);
  const [baseVersion, setBaseVersion] = useState(start.baseVersion);
  const draft = usePatientEditDraft(patient.id, form, blank, baseVersion, stored?.body ?? null);
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
    void draft.forget();
    onCancel();
  };
  const discardAndClose = () => {
    setConfirmingCancel(false);
    void draft.forget();
    onCancel();
  };

  const discardDraft = () => {
    void draft.forget();
    setForm(blank);
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
      // Main removed the draft in the save's own transaction; this also drops any write still on its way.
      void draft.forget();
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
    <section className="patient-edit" aria-labelledby="edit-title" onBlur={() => void draft.flush()}>
      <h2 id="edit-title">{t('edit.title')}</h2>
      {restoredAt && (
        <DraftRestoredNotice
          message={t('edit.draftRestored', { when: format.dateTime(restoredAt) })}
          discardLabel={t('edit.discardDraft')}
          confirmTitle={t('edit.discardDraftQuestion')}
          onDiscard={discardDraft}
        />
      )}
      {draft.problem && <Notice tone="error">{t('common:drafts.notKept', { reason: draft.problem })}</Notice>}
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
                    void draft.forget();
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
