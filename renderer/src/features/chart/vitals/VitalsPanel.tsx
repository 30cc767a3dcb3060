import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { channelKey, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { useClinicTimeZone } from '../../../app/session-store';
import { DataTable, Notice, type Column } from '../../../ui';
import { ageOn, todayIn } from '../../../../../shared/dates';
import type { Patient } from '../../../../../shared/domain/patient';
import {
  VITAL_MEASURES,
  VITALS_PAGE,
  formatVital,
  shownValue,
  type VitalMeasure,
  type VitalsSet,
} from '../../../../../shared/domain/vitals';
import { GrowthChart } from './GrowthChart';
import { RecordVitalsDialog } from './RecordVitalsDialog';
import { UnitsSwitch } from './UnitsSwitch';
import { VitalFlagMark } from './VitalFlagMark';
import { VitalsTrend } from './VitalsTrend';
import { useVitalsUnits } from './use-vitals-units';
import './vitals.css';

const CHILD_YEARS = 18;
/** CDC's growth charts run to 20 years. */
const GROWTH_CHART_YEARS = 20;

type DialogState = null | { set?: VitalsSet };

/**
 * The chart's vitals: the latest set with abnormal values marked, "Record vitals", the past sets a
 * page at a time (each correctable), and a trend of any measure. Every read is an audited chart view
 * in main, so the panel reads page one once and re-reads only what a save makes stale.
 */
export function VitalsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('vitals');
  const format = useDateFormat();
  const [units, setUnits] = useVitalsUnits();
  const [page, setPage] = useState(0);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [trend, setTrend] = useState<VitalMeasure | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const zone = useClinicTimeZone();
  // The dialog leaves the page when it closes: keyboard users go back to "Record vitals", not the
  // page's top. Focused once the dialog is gone (while it is open the rest of the page is inert).
  const returnFocus = useRef(false);
  const closeDialog = () => {
    returnFocus.current = true;
    setDialog(null);
  };
  useEffect(() => {
    if (dialog || !returnFocus.current) return;
    returnFocus.current = false;
    recordButton.current?.focus();
  }, [dialog]);
  const first = useChannelQuery('vitals.list', { patientId, limit: VITALS_PAGE, offset: 0 });
  const older = useChannelQuery(
    'vitals.list',
    { patientId, limit: VITALS_PAGE, offset: page * VITALS_PAGE },
    { enabled: page > 0, keepPrevious: true },
  );
  const shown = page === 0 ? first : older;
  const latest = first.data?.sets[0];
  const total = shown.data?.total ?? 0;

  // The patient's record is already read (and audited) by the chart screen: its birth date decides
  // whether the children's measures are offered, without another read.
  const patient = useQueryClient().getQueryData<Patient>(channelKey('patients.get', { id: patientId }));
  const age = patient ? ageOn(patient.birthDate, todayIn(zone)) : null;
  const isChild = !age || age.years < CHILD_YEARS;
  const growing = !!age && age.years < GROWTH_CHART_YEARS;

  const sets = shown.data?.sets ?? [];
  const present = VITAL_MEASURES.filter((m) => sets.some((s) => s.values[m] !== null));
  const valueCell = (s: VitalsSet, m: VitalMeasure) => {
    const v = s.values[m];
    if (v === null) return '';
    return (
      <>
        {shownValue(m, v, units)}
        <VitalFlagMark flag={s.flags[m]} compact />
      </>
    );
  };
  const columns: Column<VitalsSet>[] = [
    { key: 'taken', header: t('taken'), rowHeader: true, cell: (s) => format.dateTime(s.takenAt) },
    ...present.map((m) => ({
      key: m,
      header: `${t(`short.${m}`)}`,
      cell: (s: VitalsSet) => valueCell(s, m),
    })),
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('correct')}</span>,
      cell: (s) => (
        <button
          type="button"
          className="vitals-panel__correct"
          aria-label={t('correctLabel', { when: format.dateTime(s.takenAt) })}
          onClick={() => setDialog({ set: s })}
        >
          {t('correct')}
        </button>
      ),
    },
  ];

  return (
    <section className="chart-panel vitals-panel" aria-labelledby={`vitals-${patientId}`}>
      <div className="chart-panel__header">
        <h2 id={`vitals-${patientId}`}>{t('title')}</h2>
        <div className="vitals-panel__actions">
          <UnitsSwitch units={units} onChange={setUnits} />
          <button ref={recordButton} type="button" onClick={() => setDialog({})}>
            {t('record')}
          </button>
        </div>
      </div>
      <div
        className={`chart-panel__body vitals-panel__body${trend || (growing && latest) ? ' vitals-panel__body--trend' : ''}`}
      >
        {first.error && <Notice tone="error">{errorMessage(first.error)}</Notice>}
        {!first.data && !first.error && <p role="status">{t('loading')}</p>}
        {first.data && !latest && <p className="chart-panel__empty">{t('none')}</p>}
        {latest && (
          <section className="vitals-latest" aria-label={t('latestLabel')}>
            <h3>
              {t('latest', { when: format.dateTime(latest.takenAt) })}{' '}
              <span className="vitals-latest__by">{t('by', { name: latest.recordedByName })}</span>
            </h3>
            <dl className="vitals-latest__list">
              {VITAL_MEASURES.filter((m) => latest.values[m] !== null).map((m) => (
                <div key={m} className={`vitals-latest__item${latest.flags[m] ? ' vitals-latest__item--flagged' : ''}`}>
                  <dt>{t(`measure.${m}`)}</dt>
                  <dd>
                    {formatVital(m, latest.values[m]!, units)} <VitalFlagMark flag={latest.flags[m]} />{' '}
                    <button
                      type="button"
                      className="vitals-latest__trend"
                      aria-label={t('trend.showLabel', { measure: t(`measure.${m}`) })}
                      aria-pressed={trend === m}
                      onClick={() => setTrend(m)}
                    >
                      {t('trend.show')}
                    </button>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        {trend && <VitalsTrend patientId={patientId} measure={trend} units={units} onClose={() => setTrend(null)} />}
        {sets.length > 0 && (
          <section className="vitals-past" aria-label={t('past')}>
            <h3>{t('past')}</h3>
            <DataTable caption={t('pastCaption')} columns={columns} rows={sets} rowKey={(s) => s.id} scroll />
            {total > VITALS_PAGE && (
              <div className="vitals-past__paging">
                <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
                  {t('newer')}
                </button>
                <span>
                  {t('page', { from: page * VITALS_PAGE + 1, to: Math.min(total, (page + 1) * VITALS_PAGE), total })}
                </span>
                <button
                  type="button"
                  disabled={(page + 1) * VITALS_PAGE >= total}
                  onClick={() => setPage((p) => p + 1)}
                >
                  {t('older')}
                </button>
              </div>
            )}
          </section>
        )}
        {growing && latest && <GrowthChart patientId={patientId} units={units} />}
      </div>
      {dialog && (
        <RecordVitalsDialog
          patientId={patientId}
          set={dialog.set}
          childFields={isChild || !!dialog.set?.values.headCircumference || !!dialog.set?.values.muac}
          units={units}
          onUnits={setUnits}
          onClose={closeDialog}
          onSaved={() => {
            closeDialog();
            setPage(0);
          }}
        />
      )}
    </section>
  );
}
