import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { useClinicTimeZone } from '../../../app/session-store';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { Dialog, Notice } from '../../../ui';
import { todayIn } from '../../../../../shared/dates';
import { HISTORY_SECTIONS, type HistoryEntry } from '../../../../../shared/domain/history';
import { HistoryEntryDialog } from './HistoryEntryDialog';
import { SocialHistoryDialog } from './SocialHistoryDialog';
import '../medications/medications.css';

/** Gestational age in completed weeks from the LMP (Naegele: a pregnancy is dated from the LMP). */
function weeksSince(lmpDate: string, today: string): number {
  return Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lmpDate}T00:00:00Z`)) / (7 * 86_400_000));
}

/** Past medical, surgical and family history, social history, and pregnancy where relevant. */
export function HistoryPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('meds');
  const format = useDateFormat();
  const today = todayIn(useClinicTimeZone());
  const query = useChannelQuery('history.get', { patientId });
  const remove = useChannelMutation('history.removeEntry', { invalidates: ['history.get'] });
  const [entryDialog, setEntryDialog] = useState<{ editing: HistoryEntry | null } | null>(null);
  const [socialOpen, setSocialOpen] = useState(false);
  const [removing, setRemoving] = useState<HistoryEntry | null>(null);
  const [removeError, setRemoveError] = useState('');
  const data = query.data;
  const social = data?.social ?? null;

  const entryText = (e: HistoryEntry) =>
    [e.description, e.relation && `(${e.relation})`, e.whenText && `— ${e.whenText}`].filter(Boolean).join(' ');

  return (
    <section className="chart-panel hist-panel" aria-labelledby="hist-panel-title">
      <div className="chart-panel__header">
        <h2 id="hist-panel-title">{t('hist.title')}</h2>
        <span className="meds-actions">
          <button type="button" onClick={() => setEntryDialog({ editing: null })}>
            {t('hist.add')}
          </button>
          <button type="button" onClick={() => setSocialOpen(true)} disabled={!data}>
            {t('social.edit')}
          </button>
        </span>
      </div>
      <div className="chart-panel__body">
        {query.error && <Notice tone="error">{t('loadFailed', { message: errorMessage(query.error) })}</Notice>}
        {query.isPending && <p className="chart-panel__empty">{t('loading')}</p>}
        {data && data.entries.length === 0 && !social && <p className="chart-panel__empty">{t('hist.empty')}</p>}
        {data &&
          HISTORY_SECTIONS.map((section) => {
            const entries = data.entries.filter((e) => e.section === section);
            if (!entries.length) return null;
            return (
              <div key={section} className="hist-section">
                <h3 id={`hist-${section}`}>{t(`hist.sections.${section}`)}</h3>
                <ul aria-labelledby={`hist-${section}`} className="hist-list">
                  {entries.map((e) => (
                    <li key={e.id}>
                      <span>{entryText(e)}</span>
                      <span className="meds-actions">
                        <button
                          type="button"
                          onClick={() => setEntryDialog({ editing: e })}
                          aria-label={t('editNamed', { name: e.description })}
                        >
                          {t('edit')}
                        </button>
                        <button
                          type="button"
                          onClick={() => setRemoving(e)}
                          aria-label={t('hist.removeNamed', { name: e.description })}
                        >
                          {t('hist.remove')}
                        </button>
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        {social && (
          <div className="hist-section">
            <h3>{t('social.heading')}</h3>
            <dl className="hist-social">
              <dt>{t('social.tobacco')}</dt>
              <dd>{[t(`social.tobaccoUse.${social.tobacco}`), social.tobaccoDetail].filter(Boolean).join(' — ')}</dd>
              <dt>{t('social.alcohol')}</dt>
              <dd>{[t(`social.alcoholUse.${social.alcohol}`), social.alcoholDetail].filter(Boolean).join(' — ')}</dd>
              {social.occupation && (
                <>
                  <dt>{t('social.occupation')}</dt>
                  <dd>{social.occupation}</dd>
                </>
              )}
              {data?.pregnancyRelevant && social.pregnancyStatus && (
                <>
                  <dt>{t('social.pregnancy')}</dt>
                  <dd>
                    {t(`social.pregnancyStatus.${social.pregnancyStatus}`)}
                    {social.lmpDate &&
                      ` — ${t('social.lmpShort', { date: format.date(social.lmpDate) })}${
                        social.pregnancyStatus === 'pregnant'
                          ? ` (${t('social.weeks', { count: weeksSince(social.lmpDate, today) })})`
                          : ''
                      }`}
                  </dd>
                </>
              )}
            </dl>
          </div>
        )}
      </div>
      {entryDialog && (
        <HistoryEntryDialog
          patientId={patientId}
          editing={entryDialog.editing}
          onClose={() => setEntryDialog(null)}
          onSaved={() => setEntryDialog(null)}
        />
      )}
      {socialOpen && data && (
        <SocialHistoryDialog
          patientId={patientId}
          current={social}
          pregnancyRelevant={data.pregnancyRelevant}
          today={today}
          onClose={() => setSocialOpen(false)}
          onSaved={() => setSocialOpen(false)}
        />
      )}
      {removing && (
        <Dialog
          open
          title={t('hist.removeTitle')}
          onClose={() => setRemoving(null)}
          actions={
            <>
              <button type="button" onClick={() => setRemoving(null)}>
                {t('cancel')}
              </button>
              <button
                type="button"
                className="danger"
                disabled={remove.isPending}
                onClick={async () => {
                  try {
                    await remove.mutateAsync({ id: removing.id, version: removing.version });
                    setRemoving(null);
                    setRemoveError('');
                  } catch (error) {
                    setRemoveError(errorMessage(error));
                  }
                }}
              >
                {t('hist.remove')}
              </button>
            </>
          }
        >
          <p>{t('hist.removeExplain', { line: entryText(removing) })}</p>
          {removeError && <Notice tone="error">{removeError}</Notice>}
        </Dialog>
      )}
    </section>
  );
}
