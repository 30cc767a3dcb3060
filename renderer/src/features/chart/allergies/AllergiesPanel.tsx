import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLERGY_STATUSES, type Allergy } from '../../../../../shared/domain/allergy';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { DataTable, Notice, type Column } from '../../../ui';
import { AddAllergyDialog } from './AddAllergyDialog';
import './allergies.css';

/** Allergies and intolerances (side column): add, "No known allergies", and each allergy's status. */
export function AllergiesPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('problems');
  const format = useDateFormat();
  const [adding, setAdding] = useState(false);
  const list = useChannelQuery('allergies.list', { patientId });
  const recordNka = useChannelMutation('allergies.recordNka', { invalidates: ['allergies.list'] });
  const update = useChannelMutation('allergies.update', { invalidates: ['allergies.list'] });
  const data = list.data;
  const changeError = recordNka.error ?? update.error;

  const setStatus = (a: Allergy, status: Allergy['status']) =>
    update.mutate({
      id: a.id,
      version: a.version,
      substance: a.substance,
      substanceType: a.substanceType,
      reaction: a.reaction,
      severity: a.severity,
      criticality: a.criticality,
      onsetDate: a.onsetDate,
      note: a.note,
      status,
    });

  const columns: Column<Allergy>[] = [
    {
      key: 'substance',
      header: t('allergies.substance'),
      rowHeader: true,
      cell: (a) => (
        <>
          {a.substance}
          <span className="allergy__detail">
            {[a.reaction, a.severity ? t(`allergies.severityValue.${a.severity}`) : null].filter(Boolean).join(' · ')}
          </span>
        </>
      ),
    },
    {
      key: 'status',
      header: t('status'),
      cell: (a) => (
        <select
          aria-label={t('allergies.statusOf', { name: a.substance })}
          value={a.status}
          disabled={update.isPending}
          onChange={(e) => setStatus(a, e.target.value as Allergy['status'])}
        >
          {ALLERGY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`allergies.statusValue.${s}`)}
            </option>
          ))}
        </select>
      ),
    },
  ];

  return (
    <section className="chart-panel allergies-panel" aria-labelledby={`allergies-${patientId}`}>
      <div className="chart-panel__header">
        <h2 id={`allergies-${patientId}`}>{t('allergies.title')}</h2>
        <span>
          {data && data.status !== 'recorded' && !data.nka && (
            <button type="button" disabled={recordNka.isPending} onClick={() => recordNka.mutate({ patientId })}>
              {t('allergies.recordNka')}
            </button>
          )}{' '}
          <button type="button" onClick={() => setAdding(true)}>
            {t('allergies.add')}
          </button>
        </span>
      </div>
      <div className="chart-panel__body">
        {list.error && <Notice tone="error">{errorMessage(list.error)}</Notice>}
        {changeError && <Notice tone="error">{errorMessage(changeError)}</Notice>}
        {data?.status === 'nka' && data.nka && (
          <p>{t('allergies.bannerNka', { who: data.nka.recordedBy, date: format.dateTime(data.nka.recordedAt) })}</p>
        )}
        {data?.status === 'not-recorded' && <p className="chart-panel__empty">{t('allergies.bannerNotRecorded')}</p>}
        {data && data.allergies.length > 0 && (
          <DataTable
            caption={t('allergies.title')}
            className="allergies-table"
            columns={columns}
            rows={data.allergies}
            rowKey={(a) => a.id}
          />
        )}
      </div>
      <AddAllergyDialog patientId={patientId} open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}
