import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { Notice } from '../../../ui';
import type { Medication, ReconcileLine } from '../../../../../shared/domain/medication';
import { MedicationFormDialog } from './MedicationFormDialog';
import { medicationLine } from './medication-text';
import { StopMedicationDialog } from './StopMedicationDialog';

type Decision =
  { decision: 'continue'; version: number } | { decision: 'stop'; version: number; stopDate: string; reason: string };

interface MedicationReconciliationProps {
  patientId: string;
  active: Medication[];
  today: string;
  onDone(summary: { continued: number; stopped: number } | null): void;
}

/**
 * "Still taking?" one line at a time, keyboard only: the list is one listbox; ↑/↓ move, C keeps the
 * line (still taking), S stops it (asks the reason), E edits it (and keeps it), U undoes the line's
 * decision, Ctrl+Enter saves every decided line in one save, Escape leaves without saving. Each
 * decision keeps the version it was made on, so a line changed meanwhile is refused (CONFLICT).
 */
export function MedicationReconciliation({ patientId, active, today, onDone }: MedicationReconciliationProps) {
  const { t } = useTranslation('meds');
  const [index, setIndex] = useState(0);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [stopping, setStopping] = useState<Medication | null>(null);
  const [editing, setEditing] = useState<Medication | null>(null);
  const [alert, setAlert] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const reconcile = useChannelMutation('medications.reconcile', { invalidates: ['medications.list'] });

  // Back to the list on opening and whenever a dialog closes (a modal dialog keeps focus while it is open).
  useEffect(() => {
    if (!stopping && !editing) listRef.current?.focus();
  }, [stopping, editing]);
  const current = active[Math.min(index, active.length - 1)];
  const decided = Object.keys(decisions).length;

  function decide(m: Medication, d: Decision | null) {
    setDecisions((all) => {
      const next = { ...all };
      if (d) next[m.id] = d;
      else delete next[m.id];
      return next;
    });
    if (d) setIndex((i) => Math.min(i + 1, active.length - 1));
  }

  async function save() {
    const lines: ReconcileLine[] = active.flatMap((m): ReconcileLine[] => {
      const d = decisions[m.id];
      if (!d) return [];
      return d.decision === 'continue'
        ? [{ id: m.id, version: d.version, decision: 'continue' as const }]
        : [{ id: m.id, version: d.version, decision: 'stop' as const, stopDate: d.stopDate, reason: d.reason }];
    });
    if (!lines.length) {
      setAlert(t('reconcile.nothingDecided'));
      return;
    }
    try {
      onDone(await reconcile.mutateAsync({ patientId, lines }));
    } catch (error) {
      setAlert(errorMessage(error));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (!current) return;
    const key = e.key.toLowerCase();
    if (e.key === 'ArrowDown') setIndex((i) => Math.min(i + 1, active.length - 1));
    else if (e.key === 'ArrowUp') setIndex((i) => Math.max(i - 1, 0));
    else if (e.key === 'Home') setIndex(0);
    else if (e.key === 'End') setIndex(active.length - 1);
    else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
    else if (e.key === 'Escape') onDone(null);
    else if (e.ctrlKey || e.metaKey || e.altKey) return;
    else if (key === 'c') decide(current, { decision: 'continue', version: current.version });
    else if (key === 's') setStopping(current);
    else if (key === 'e') setEditing(current);
    else if (key === 'u') decide(current, null);
    else return;
    e.preventDefault();
  }

  function decisionText(m: Medication): string {
    const d = decisions[m.id];
    if (!d) return t('reconcile.undecided');
    return d.decision === 'continue' ? t('reconcile.continue') : t('reconcile.stop', { reason: d.reason });
  }

  const optionId = (m: Medication) => `reconcile-${m.id}`;
  return (
    <div className="meds-reconcile">
      <p className="meds-reconcile__hints" id="meds-reconcile-hints">
        <kbd>C</kbd> {t('reconcile.keyContinue')} · <kbd>S</kbd> {t('reconcile.keyStop')} · <kbd>E</kbd>{' '}
        {t('reconcile.keyEdit')} · <kbd>U</kbd> {t('reconcile.keyUndo')} · <kbd>↑</kbd>
        <kbd>↓</kbd> {t('reconcile.keyMove')} · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> {t('reconcile.keySave')} ·{' '}
        <kbd>Esc</kbd> {t('reconcile.keyCancel')}
      </p>
      {alert && <Notice tone="error">{alert}</Notice>}
      <ul
        ref={listRef}
        role="listbox"
        tabIndex={0}
        className="meds-reconcile__list"
        aria-label={t('reconcile.listLabel')}
        aria-describedby="meds-reconcile-hints"
        aria-activedescendant={current ? optionId(current) : undefined}
        onKeyDown={onKeyDown}
      >
        {active.map((m, i) => {
          const d = decisions[m.id];
          return (
            <li
              key={m.id}
              id={optionId(m)}
              role="option"
              aria-selected={i === index}
              className={`meds-reconcile__line${i === index ? ' meds-reconcile__line--current' : ''}${d ? ` meds-reconcile__line--${d.decision}` : ''}`}
              onClick={() => setIndex(i)}
            >
              <span className="meds-reconcile__name">{medicationLine(m)}</span>
              <span className="meds-reconcile__decision">{decisionText(m)}</span>
            </li>
          );
        })}
      </ul>
      <p role="status" className="meds-reconcile__count">
        {t('reconcile.count', { decided, total: active.length })}
      </p>
      <div className="meds-reconcile__actions">
        <button type="button" onClick={() => onDone(null)}>
          {t('reconcile.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={reconcile.isPending}>
          {t('reconcile.save')}
        </button>
      </div>
      {stopping && (
        <StopMedicationDialog
          medication={stopping}
          today={today}
          onClose={() => {
            setStopping(null);
          }}
          onConfirm={async ({ stopDate, reason }) => {
            decide(stopping, { decision: 'stop', version: stopping.version, stopDate, reason });
            setStopping(null);
          }}
        />
      )}
      {editing && (
        <MedicationFormDialog
          patientId={patientId}
          editing={editing}
          today={today}
          onClose={() => {
            setEditing(null);
          }}
          onSaved={(saved) => {
            // An edit made while reconciling confirms the line as it now reads.
            decide(saved, { decision: 'continue', version: saved.version });
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
