import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { useClinicTimeZone } from '../../../app/session-store';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { DataTable, Notice, type Column } from '../../../ui';
import { todayIn } from '../../../../../shared/dates';
import type { Medication } from '../../../../../shared/domain/medication';
import { MedicationFormDialog } from './MedicationFormDialog';
import { MedicationReconciliation } from './MedicationReconciliation';
import { medicationLine } from './medication-text';
import { StopMedicationDialog } from './StopMedicationDialog';
import './medications.css';

/** The chart's medication list: current lines, add, edit, stop (confirmed), reconcile; stopped ones apart. */
export function MedicationsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('meds');
  const format = useDateFormat();
  const today = todayIn(useClinicTimeZone());
  const query = useChannelQuery('medications.list', { patientId });
  const stop = useChannelMutation('medications.stop', { invalidates: ['medications.list'] });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Medication | null>(null);
  const [stopping, setStopping] = useState<Medication | null>(null);
  const [reconciling, setReconciling] = useState(false);
  const [status, setStatus] = useState('');
  const active = query.data?.active ?? [];
  const stopped = query.data?.stopped ?? [];

  const activeColumns: Column<Medication>[] = [
    {
      key: 'name',
      header: t('col.medication'),
      rowHeader: true,
      cell: (m) => (
        <>
          {medicationLine(m)}
          {m.source === 'outside' && <span className="meds-tag">{t('source.outsideTag')}</span>}
          <span className="meds-detail">
            {[
              m.startDate ? t('since', { date: format.date(m.startDate) }) : '',
              m.reconciledAt
                ? t('confirmedBy', { when: format.dateTime(m.reconciledAt), name: m.reconciledByName ?? '' })
                : t('notConfirmed'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </>
      ),
    },
    {
      key: 'actions',
      header: t('col.actions'),
      className: 'meds-actions-cell',
      cell: (m) => (
        <span className="meds-actions">
          <button type="button" onClick={() => setEditing(m)} aria-label={t('editNamed', { name: m.name })}>
            {t('edit')}
          </button>
          <button type="button" onClick={() => setStopping(m)} aria-label={t('stopNamed', { name: m.name })}>
            {t('stopButton')}
          </button>
        </span>
      ),
    },
  ];
  const stoppedColumns: Column<Medication>[] = [
    { key: 'name', header: t('col.medication'), rowHeader: true, cell: (m) => medicationLine(m) },
    { key: 'stopped', header: t('col.stopped'), cell: (m) => (m.stopDate ? format.date(m.stopDate) : '—') },
    { key: 'reason', header: t('col.reason'), cell: (m) => m.stopReason },
  ];

  return (
    <section className="chart-panel meds-panel" aria-labelledby="meds-panel-title">
      <div className="chart-panel__header">
        <h2 id="meds-panel-title">{t('title')}</h2>
        {!reconciling && (
          <span className="meds-actions">
            <button type="button" onClick={() => setAdding(true)}>
              {t('add')}
            </button>
            <button
              type="button"
              onClick={() => {
                setStatus('');
                setReconciling(true);
              }}
              disabled={active.length === 0}
            >
              {t('reconcile.start')}
            </button>
          </span>
        )}
      </div>
      <div className="chart-panel__body">
        {query.error && <Notice tone="error">{t('loadFailed', { message: errorMessage(query.error) })}</Notice>}
        {status && <Notice tone="success">{status}</Notice>}
        {query.isPending && <p className="chart-panel__empty">{t('loading')}</p>}
        {query.data && reconciling && (
          <MedicationReconciliation
            patientId={patientId}
            active={active}
            today={today}
            onDone={(summary) => {
              setReconciling(false);
              if (summary) setStatus(t('reconcile.saved', summary));
            }}
          />
        )}
        {query.data && !reconciling && active.length === 0 && <p className="chart-panel__empty">{t('empty')}</p>}
        {query.data && !reconciling && active.length > 0 && (
          <DataTable
            caption={t('activeCaption')}
            className="meds-table"
            columns={activeColumns}
            rows={active}
            rowKey={(m) => m.id}
          />
        )}
        {stopped.length > 0 && !reconciling && (
          <details className="meds-stopped">
            <summary>{t('stoppedSummary', { count: stopped.length })}</summary>
            <DataTable
              caption={t('stoppedCaption')}
              className="meds-table"
              columns={stoppedColumns}
              rows={stopped}
              rowKey={(m) => m.id}
            />
          </details>
        )}
      </div>
      {(adding || editing) && (
        <MedicationFormDialog
          patientId={patientId}
          editing={editing}
          today={today}
          onClose={() => {
            setAdding(false);
            setEditing(null);
          }}
          onSaved={(saved) => {
            setStatus(editing ? t('saved', { name: saved.name }) : t('added', { name: saved.name }));
            setAdding(false);
            setEditing(null);
          }}
        />
      )}
      {stopping && (
        <StopMedicationDialog
          medication={stopping}
          today={today}
          onClose={() => setStopping(null)}
          onConfirm={async ({ stopDate, reason }) => {
            await stop.mutateAsync({ id: stopping.id, version: stopping.version, stopDate, reason });
            setStatus(t('stopped', { name: stopping.name }));
            setStopping(null);
          }}
        />
      )}
    </section>
  );
}
