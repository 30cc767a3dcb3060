import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitWithNotes } from '../../../../../shared/domain/visit';
import { useChannelMutation } from '../../../api/channel-hooks';
import { useSessionStore } from '../../../app/session-store';
import { useDateFormat } from '../../../format/use-date-format';
import { errorMessage } from '../../../forms/field-errors';
import { Dialog, Notice } from '../../../ui';
import { VisitDiagnoses } from '../problems/VisitDiagnoses';
import { PrintVisitSummaryButton } from './PrintVisitSummaryButton';
import { NoteEditor } from './NoteEditor';
import { NoteView } from './NoteView';
import { PrescriptionPad } from '../../rx/PrescriptionPad';
import { LabOrdersPanel } from '../../labs/LabOrdersPanel';

/**
 * The doctor's visit in progress: its signed notes, the author's unsigned note open in the editor (or
 * a new one), and Finish visit, which also marks the appointment done. Finishing asks first, and
 * waits while a note has unsaved text.
 */
export function CurrentVisit({ visit }: { visit: VisitWithNotes }) {
  const { t } = useTranslation('visits');
  const format = useDateFormat();
  const me = useSessionStore((s) => s.session?.userId);
  const [dirty, setDirty] = useState<Record<string, boolean>>({});
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const finish = useChannelMutation('visits.finish', {
    invalidates: ['visits.list', 'appointments.queue', 'appointments.today', 'appointments.day'],
  });
  const trackDirty = useCallback(
    (key: string) => (value: boolean) => setDirty((d) => (d[key] === value ? d : { ...d, [key]: value })),
    [],
  );
  const editing = visit.notes.filter((n) => n.status === 'unsigned' && n.authorId === me);
  // Only editors on screen count: one whose note was just saved or signed may have gone before it said so.
  const open = editing.length ? editing.map((n) => n.id) : ['new'];
  const unsaved = open.some((key) => dirty[key]);

  const finishNow = async () => {
    setConfirming(false);
    setFailure(null);
    try {
      await finish.mutateAsync({ id: visit.id, version: visit.version });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <section className="current-visit" aria-label={t('current.label')}>
      <div className="current-visit__header">
        <h3>{t('current.title', { when: format.time(visit.startedAt) })}</h3>
        {visit.reason && <span>{visit.reason}</span>}
        <PrintVisitSummaryButton
          visitId={visit.id}
          label={t('current.title', { when: format.time(visit.startedAt) })}
        />
        <button type="button" onClick={() => setConfirming(true)} disabled={finish.isPending}>
          {t('current.finish')}
        </button>
      </div>
      {failure && <Notice tone="error">{failure}</Notice>}
      {visit.notes
        .filter((n) => !editing.includes(n))
        .map((n) => (
          <NoteView key={n.id} note={n} />
        ))}
      {editing.map((n) => (
        <NoteEditor key={n.id} visitId={visit.id} note={n} onDirtyChange={trackDirty(n.id)} takeFocus />
      ))}
      {/* Keyed by the notes there are: a note just saved and signed leaves a fresh, empty editor. */}
      {editing.length === 0 && (
        <NoteEditor key={`new-${visit.notes.length}`} visitId={visit.id} onDirtyChange={trackDirty('new')} />
      )}
      <VisitDiagnoses patientId={visit.patientId} visitId={visit.id} />
      <PrescriptionPad visitId={visit.id} patientId={visit.patientId} />
      <LabOrdersPanel visitId={visit.id} patientId={visit.patientId} />
      {confirming && (
        <Dialog
          open
          title={unsaved ? t('current.unsavedTitle') : t('current.finishQuestion')}
          onClose={() => setConfirming(false)}
          actions={
            unsaved ? (
              <button type="button" className="primary" onClick={() => setConfirming(false)} autoFocus>
                {t('current.backToNote')}
              </button>
            ) : (
              <>
                <button type="button" className="primary" onClick={() => void finishNow()}>
                  {t('current.finishConfirm')}
                </button>
                <button type="button" onClick={() => setConfirming(false)} autoFocus>
                  {t('current.keepOpen')}
                </button>
              </>
            )
          }
        >
          <p>
            {unsaved
              ? t('current.unsavedExplain')
              : visit.appointmentId
                ? t('current.finishExplainAppointment')
                : t('current.finishExplain')}
          </p>
        </Dialog>
      )}
    </section>
  );
}
