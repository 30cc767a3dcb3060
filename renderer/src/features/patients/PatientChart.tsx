import { useDateFormat } from '../../format/use-date-format';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/domain/patient';
import { useQueryClient } from '@tanstack/react-query';
import { channelKey, useChannelQuery } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';
import { Notice } from '../../ui';
import { EditPatient } from './EditPatient';
import { PatientBanner } from './PatientBanner';
import { PatientDemographics } from './PatientDemographics';
import { PatientHistory } from './PatientHistory';
import { useStoredDraft } from '../../drafts';
import { usePatientsNav } from './patients-nav-store';
import { useSessionStore } from '../../app/session-store';
import { mayCall, DOCTOR } from '../../../../shared/access';
import { ChartOverview } from '../chart/ChartOverview';
import { AllergyBanner } from '../chart/allergies/AllergyBanner';
import { useChartOverview } from '../chart/use-chart-overview';

type Tab = 'chart' | 'details' | 'history';

/**
 * One patient: the banner, then (for doctors) the clinical chart, the registration details (with
 * Edit) and the history of changes. Receptionists never get the chart tab; main refuses its
 * channels to them anyway.
 */
export function PatientChart({ patientId, registeredNow = false }: { patientId: string; registeredNow?: boolean }) {
  const { t } = useTranslation('patients');
  const format = useDateFormat();
  const show = usePatientsNav((s) => s.show);
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  const clinical = mayCall(DOCTOR, roles);
  const TABS: Tab[] = clinical ? ['chart', 'details', 'history'] : ['details', 'history'];
  const [tab, setTab] = useState<Tab>(clinical && !registeredNow ? 'chart' : 'details');
  const [editing, setEditing] = useState(false);
  // Registration's confirmation until the first edit; then the last save's.
  const [notice, setNotice] = useState<string | null>(registeredNow ? 'registered' : null);
  const tabsId = useId();

  // Every open is an audited view in main; nothing re-reads it in the background.
  const queryClient = useQueryClient();
  const patientQuery = useChannelQuery('patients.get', { id: patientId });
  // A doctor's chart: every panel's first page in one read, alongside the record.
  const chart = useChartOverview(patientId, clinical);
  const patient = patientQuery.data ?? null;
  const loadError = patientQuery.error ? errorMessage(patientQuery.error) : null;
  // A save answers with the saved record: show it without another audited read.
  const setPatient = (saved: Patient) => queryClient.setQueryData(channelKey('patients.get', { id: patientId }), saved);

  // Edits typed earlier and never saved or cancelled (the window closed, the app crashed): read
  // again each time the form closes.
  const storedEdits = useStoredDraft('patientEdit', patientId, editing);
  const unsavedEdits = patient && !editing && storedEdits.loaded ? storedEdits.draft : null;

  const back = (
    <button type="button" className="patient-chart__back" onClick={() => show({ kind: 'search' })}>
      {t('backToSearch')}
    </button>
  );
  if (loadError) {
    return (
      <section className="patient-chart">
        {back}
        <Notice tone="error">{loadError}</Notice>
      </section>
    );
  }
  if (!patient) {
    return (
      <section className="patient-chart">
        {back}
        <p role="status">{t('chart.loading')}</p>
      </section>
    );
  }

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    document.getElementById(`${tabsId}-${next}-tab`)?.focus();
  };

  return (
    <div className="patient-chart">
      {back}
      <PatientBanner patient={patient} />
      {chart.opened && <AllergyBanner patientId={patient.id} />}
      {notice && (
        <Notice tone="success">{notice === 'registered' ? t('chart.registered', { mrn: patient.mrn }) : notice}</Notice>
      )}
      <div role="tablist" aria-label={t('chart.sections')} className="patient-chart__tabs">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${tabsId}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={`${tabsId}-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={onTabKey}
          >
            {t(`chart.tab.${name}`)}
          </button>
        ))}
      </div>
      {/* Details stay mounted while History is shown, so an edit in progress survives a look at the history. */}
      <div
        role="tabpanel"
        id={`${tabsId}-details`}
        aria-labelledby={`${tabsId}-details-tab`}
        hidden={tab !== 'details'}
        className="patient-chart__panel"
      >
        {editing ? (
          <EditPatient
            key={patient.version}
            patient={patient}
            onSaved={(saved) => {
              setPatient(saved);
              setEditing(false);
              setNotice(t('chart.saved', { version: saved.version }));
            }}
            onCancel={() => setEditing(false)}
            onReload={() => {
              setEditing(false);
              void patientQuery.refetch();
            }}
          />
        ) : (
          <>
            <div className="patient-chart__toolbar">
              <h2>{t('chart.details')}</h2>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {t('chart.edit')}
              </button>
            </div>
            {unsavedEdits && (
              <Notice tone="info">
                <span>{t('chart.unsavedEdits', { when: format.dateTime(unsavedEdits.updatedAt) })}</span>{' '}
                <button type="button" onClick={() => setEditing(true)}>
                  {t('chart.continueEditing')}
                </button>
              </Notice>
            )}
            <PatientDemographics patient={patient} />
          </>
        )}
      </div>
      {tab === 'chart' && (
        <div
          role="tabpanel"
          id={`${tabsId}-chart`}
          aria-labelledby={`${tabsId}-chart-tab`}
          className="patient-chart__panel"
        >
          {chart.opened ? <ChartOverview patient={patient} /> : <p role="status">{t('chart.opening')}</p>}
        </div>
      )}
      {tab === 'history' && (
        <div
          role="tabpanel"
          id={`${tabsId}-history`}
          aria-labelledby={`${tabsId}-history-tab`}
          className="patient-chart__panel"
        >
          <PatientHistory patientId={patient.id} version={patient.version} />
        </div>
      )}
    </div>
  );
}
