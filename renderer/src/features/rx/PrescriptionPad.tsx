import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FAVOURITE_LABEL_MAX,
  doseLineSentence,
  type Prescription,
  type PrescriptionItem,
} from '../../../../shared/domain/prescription';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { useDateFormat } from '../../format/use-date-format';
import { errorMessage, fieldErrors, type FieldErrors } from '../../forms/field-errors';
import { Notice, TextField } from '../../ui';
import './rx.css';
import { PrintPrescriptionButton } from './print/PrintPrescriptionButton';
import { ItemForm } from './ItemForm';
import { EarlierPrescriptions } from './EarlierPrescriptions';
import { SignedPrescriptionActions } from './SignedPrescriptionActions';

const INVALIDATES = ['prescriptions.list', 'prescriptions.get', 'medications.list'] as const;

/**
 * The prescription pad in the visit (issue 10): a draft's items typed from the keyboard (Enter adds
 * one), each read back as a sentence, the safety alerts under it with a reason to go on where one
 * is needed, then Sign. Alt+P starts a prescription, Alt+R repeats the last one, Alt+C renews the
 * chronic medicines prescribed here.
 */
export function PrescriptionPad({ visitId, patientId }: { visitId: string; patientId: string }) {
  const { t } = useTranslation('rx');
  const format = useDateFormat();
  const [rxId, setRxId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [padNote, setPadNote] = useState<string | null>(null);
  const list = useChannelQuery('prescriptions.list', { patientId });
  const context = useChannelQuery('prescriptions.patientContext', { patientId });
  const openDraft = list.data?.find((p) => p.status === 'draft' && p.visitId === visitId);
  const currentId = rxId ?? openDraft?.id ?? null;
  const create = useChannelMutation('prescriptions.createDraft', { invalidates: [...INVALIDATES] });
  const repeat = useChannelMutation('prescriptions.repeatLast', { invalidates: [...INVALIDATES] });
  const renew = useChannelMutation('prescriptions.renewChronic', { invalidates: [...INVALIDATES] });

  const start = async (how: 'new' | 'repeat' | 'renew') => {
    setFailure(null);
    setPadNote(null);
    try {
      const mutation = how === 'new' ? create : how === 'repeat' ? repeat : renew;
      const rx = await mutation.mutateAsync({ visitId });
      setRxId(rx.id);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  // One key each, wherever the focus is in the chart while the visit is open.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
      const how = e.code === 'KeyP' ? 'new' : e.code === 'KeyR' ? 'repeat' : e.code === 'KeyC' ? 'renew' : null;
      if (!how) return;
      e.preventDefault();
      void start(how);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const ctx = context.data;
  return (
    <section className="rx-pad" aria-label={t('pad.label')}>
      <div className="rx-pad__header">
        <h4>{t('pad.title')}</h4>
        <button type="button" aria-keyshortcuts="Alt+P" onClick={() => void start('new')}>
          {t('pad.new')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+R" onClick={() => void start('repeat')}>
          {t('pad.repeatLast')}
        </button>
        <button type="button" aria-keyshortcuts="Alt+C" onClick={() => void start('renew')}>
          {t('pad.renewChronic')}
        </button>
        <span className="rx-pad__keys">{t('pad.keys')}</span>
      </div>
      {ctx?.isChild && (
        <Notice tone="info">
          {ctx.weightKg !== null && ctx.weighedAt
            ? t('pad.childWeight', { age: ctx.ageYears, weight: ctx.weightKg, when: format.dateTime(ctx.weighedAt) })
            : t('pad.childNoWeight', { age: ctx.ageYears })}
        </Notice>
      )}
      {failure && <Notice tone="error">{failure}</Notice>}
      {padNote && <Notice tone="success">{padNote}</Notice>}
      {currentId && (
        <PrescriptionDraft
          key={currentId}
          id={currentId}
          weightKg={ctx?.isChild ? ctx.weightKg : null}
          onChanged={(cancelled, draft) => {
            setPadNote(t('pad.changed', { number: cancelled.number }));
            setRxId(draft.id);
          }}
          onCancelled={(cancelled) => setPadNote(t('pad.cancelledNote', { number: cancelled.number }))}
        />
      )}
      <EarlierPrescriptions
        prescriptions={list.data ?? []}
        currentId={currentId}
        onOpen={(id) => {
          setPadNote(null);
          setRxId(id);
        }}
      />
    </section>
  );
}

interface PrescriptionDraftProps {
  id: string;
  /** A child's latest weight (mg/kg help), else null. */
  weightKg: number | null;
  onChanged: (cancelled: Prescription, draft: Prescription) => void;
  onCancelled: (cancelled: Prescription) => void;
}

function PrescriptionDraft({ id, weightKg, onChanged, onCancelled }: PrescriptionDraftProps) {
  const { t } = useTranslation('rx');
  const query = useChannelQuery('prescriptions.get', { id });
  const [signedNote, setSignedNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [signErrors, setSignErrors] = useState<FieldErrors>({});
  const sign = useChannelMutation('prescriptions.sign', { invalidates: [...INVALIDATES] });
  const rx = query.data;
  if (!rx) return null;

  const signNow = async () => {
    setFailure(null);
    setSignErrors({});
    try {
      const signed = await sign.mutateAsync({ id: rx.id, version: rx.version });
      setSignedNote(t('pad.signed', { number: signed.number }));
    } catch (error) {
      setFailure(errorMessage(error));
      setSignErrors(fieldErrors(error));
    }
  };

  return (
    <div className="rx-draft">
      {rx.status === 'signed' && <p className="rx-draft__status">{t('pad.signedAs', { number: rx.number })}</p>}
      {rx.status === 'cancelled' && (
        <p className="rx-draft__status">{t('pad.cancelled', { reason: rx.cancelReason })}</p>
      )}
      {signedNote && <Notice tone="success">{signedNote}</Notice>}
      <PrintPrescriptionButton prescriptionId={rx.id} number={rx.number} status={rx.status} />
      <SignedPrescriptionActions
        rx={rx}
        onChanged={(draft) => onChanged(rx, draft)}
        onCancelled={(cancelled) => onCancelled(cancelled)}
      />
      <ol className="rx-items" aria-label={t('pad.items')}>
        {rx.items.map((item) => (
          <ItemRow
            key={item.id}
            rx={rx}
            item={item}
            error={item.needsOverride.length > 0 ? signErrors[`items.${item.position}`] : undefined}
          />
        ))}
      </ol>
      {rx.items.length === 0 && <p>{t('pad.noItems')}</p>}
      {rx.status === 'draft' && (
        <>
          <ItemForm prescriptionId={rx.id} weightKg={weightKg} />
          {failure && <Notice tone="error">{failure}</Notice>}
          <button type="button" className="primary" onClick={() => void signNow()} disabled={sign.isPending}>
            {t('pad.sign')}
          </button>
        </>
      )}
    </div>
  );
}

function ItemRow({ rx, item, error }: { rx: Prescription; item: PrescriptionItem; error: string | undefined }) {
  const { t } = useTranslation('rx');
  const remove = useChannelMutation('prescriptions.removeItem', { invalidates: [...INVALIDATES] });
  const draft = rx.status === 'draft';
  const it = item.item;
  // A taper: its steps listed in the order taken, not one long sentence.
  const taper = it.kind === 'structured' && it.lines.length > 1;
  return (
    <li className="rx-item">
      <div className="rx-item__line">
        <strong>{item.item.name}</strong> {!taper && <span>{item.sentence}</span>}
        {draft && (
          <button
            type="button"
            aria-label={t('pad.remove', { name: item.item.name })}
            onClick={() => void remove.mutateAsync({ itemId: item.id, version: item.version })}
          >
            ×
          </button>
        )}
      </div>
      {taper && (
        <ol className="rx-steps" aria-label={t('pad.stepsOf', { name: item.item.name })}>
          {it.lines.map((line, i) => (
            <li key={i}>{t('item.step', { n: i + 1, dose: doseLineSentence(line) })}</li>
          ))}
        </ol>
      )}
      <ItemExtras item={item} />
      <SaveFavourite item={item} />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="rx-alerts">
        {item.alerts.map((a) => {
          const done = item.overrides.find((o) => o.ruleId === a.ruleId);
          return (
            <li key={`${a.ruleId}-${a.against ?? ''}`} className={`rx-alert rx-alert--${a.severity}`}>
              <span className="rx-alert__severity">{t(`alert.${a.severity}`)}</span> {a.message}
              {done && <span> · {t('alert.overridden', { reason: done.reason })}</span>}
              {draft && !done && a.severity === 'interrupt' && <OverrideForm itemId={item.id} ruleId={a.ruleId} />}
            </li>
          );
        })}
        {!draft &&
          item.overrides.map((o) => (
            <li key={o.id} className="rx-alert rx-alert--interrupt">
              {o.message} · {t('alert.overridden', { reason: o.reason })}
            </li>
          ))}
      </ul>
    </li>
  );
}

/** Quantity, repeats and instructions of an item, under its sentence. */
function ItemExtras({ item }: { item: PrescriptionItem }) {
  const { t } = useTranslation('rx');
  const it = item.item;
  const parts = [
    it.quantity ? t('row.quantity', { value: it.quantity.value, unit: it.quantity.unit }) : t('row.noQuantity'),
    t('row.repeats', { count: it.repeats }),
  ];
  const instructions = it.kind === 'structured' ? it.instructions : '';
  return (
    <div className="rx-item__extras">
      <span>{parts.join(' · ')}</span>
      {instructions && <p className="rx-item__instructions">{t('row.instructions', { text: instructions })}</p>}
    </div>
  );
}

/** "Save as favourite" on an added item: asks a label, then keeps the regimen as the doctor's own. */
function SaveFavourite({ item }: { item: PrescriptionItem }) {
  const { t } = useTranslation('rx');
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const save = useChannelMutation('prescriptions.saveFavourite', { invalidates: ['prescriptions.favourites'] });
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const fav = await save.mutateAsync({ label, item: item.item });
      setSaved(t('favourite.saved', { label: fav.label }));
      setOpen(false);
      setLabel('');
    } catch (err) {
      setError(fieldErrors(err).label ?? errorMessage(err));
    }
  };
  if (!open)
    return (
      <div className="rx-item__favourite">
        <button
          type="button"
          aria-label={t('favourite.saveFor', { name: item.item.name })}
          onClick={() => {
            setSaved(null);
            setLabel(item.item.name);
            setOpen(true);
          }}
        >
          {t('favourite.save')}
        </button>
        {saved && <span role="status"> {saved}</span>}
      </div>
    );
  return (
    <form
      className="rx-override"
      aria-label={t('favourite.formFor', { name: item.item.name })}
      onSubmit={(e) => void submit(e)}
    >
      <TextField
        ref={field}
        label={t('favourite.label')}
        value={label}
        limit={FAVOURITE_LABEL_MAX}
        onChange={(e) => setLabel(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
        error={error}
      />
      <button type="submit" disabled={save.isPending}>
        {t('favourite.keep')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('favourite.cancel')}
      </button>
    </form>
  );
}

function OverrideForm({ itemId, ruleId }: { itemId: string; ruleId: string }) {
  const { t } = useTranslation('rx');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const keep = useChannelMutation('prescriptions.overrideAlert', { invalidates: [...INVALIDATES] });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await keep.mutateAsync({ itemId, ruleId, reason });
    } catch (err) {
      setError(fieldErrors(err).reason ?? errorMessage(err));
    }
  };
  return (
    <form className="rx-override" onSubmit={(e) => void submit(e)}>
      <TextField
        label={t('alert.reason', { rule: ruleId })}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error}
      />
      <button type="submit">{t('alert.keep')}</button>
    </form>
  );
}
