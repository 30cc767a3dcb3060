import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CANCEL_REASON_MAX, type Prescription } from '../../../../shared/domain/prescription';
import { useChannelMutation } from '../../api/channel-hooks';
import { errorMessage, fieldErrors } from '../../forms/field-errors';
import { TextField } from '../../ui';

const INVALIDATES = ['prescriptions.list', 'prescriptions.get', 'medications.list'] as const;

interface SignedPrescriptionActionsProps {
  rx: Prescription;
  /** After a change: the new draft (with the cancelled one's items) is opened in the pad. */
  onChanged: (draft: Prescription) => void;
  onCancelled: (rx: Prescription) => void;
}

/**
 * A signed prescription is immutable (issue 10, part 4): it is cancelled with a reason, or changed,
 * which cancels it with the reason and opens a new draft with its items to correct and sign.
 * The medicines it started are stopped with the reason by main in the same transaction.
 */
export function SignedPrescriptionActions({ rx, onChanged, onCancelled }: SignedPrescriptionActionsProps) {
  const { t } = useTranslation('rx');
  const [asking, setAsking] = useState<'cancel' | 'change' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const field = useRef<HTMLInputElement>(null);
  const cancel = useChannelMutation('prescriptions.cancel', { invalidates: [...INVALIDATES] });
  const change = useChannelMutation('prescriptions.change', { invalidates: [...INVALIDATES] });
  useEffect(() => {
    if (asking) field.current?.focus();
  }, [asking]);
  if (rx.status !== 'signed') return null;

  const open = (how: 'cancel' | 'change') => {
    setAsking(how);
    setReason('');
    setError(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const input = { id: rx.id, version: rx.version, reason };
      if (asking === 'change') onChanged(await change.mutateAsync(input));
      else onCancelled(await cancel.mutateAsync(input));
    } catch (err) {
      setError(fieldErrors(err).reason ?? errorMessage(err));
    }
  };

  if (!asking)
    return (
      <div className="rx-signed-actions">
        <button type="button" onClick={() => open('change')}>
          {t('signed.change')}
        </button>
        <button type="button" onClick={() => open('cancel')}>
          {t('signed.cancel')}
        </button>
      </div>
    );
  const number = rx.number ?? '';
  return (
    <form
      className="rx-override"
      aria-label={asking === 'change' ? t('signed.changeFormFor', { number }) : t('signed.cancelFormFor', { number })}
      onSubmit={(e) => void submit(e)}
    >
      <TextField
        ref={field}
        label={asking === 'change' ? t('signed.changeReason') : t('signed.cancelReason')}
        hint={asking === 'change' ? t('signed.changeHint') : t('signed.cancelHint')}
        value={reason}
        limit={CANCEL_REASON_MAX}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setAsking(null);
        }}
        error={error}
      />
      <button type="submit" className="danger" disabled={cancel.isPending || change.isPending}>
        {asking === 'change' ? t('signed.changeConfirm') : t('signed.cancelConfirm')}
      </button>
      <button type="button" onClick={() => setAsking(null)}>
        {t('signed.keep')}
      </button>
    </form>
  );
}
