import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../../api/channel-hooks';
import { useClinicTimeZone } from '../../../app/session-store';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { DataTable, Notice, type Column } from '../../../ui';
import { todayIn } from '../../../../../shared/dates';
import type { Immunization } from '../../../../../shared/domain/immunization';
import { ImmunizationFormDialog } from './ImmunizationFormDialog';
import '../medications/medications.css';

/** The chart's immunizations, newest first, with "Record immunization". */
export function ImmunizationsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('meds');
  const format = useDateFormat();
  const today = todayIn(useClinicTimeZone());
  const query = useChannelQuery('immunizations.list', { patientId });
  const [open, setOpen] = useState<{ editing: Immunization | null } | null>(null);
  const [status, setStatus] = useState('');
  const rows = query.data ?? [];

  const columns: Column<Immunization>[] = [
    { key: 'date', header: t('imm.col.date'), className: 'meds-nowrap', cell: (i) => format.date(i.givenDate) },
    {
      key: 'vaccine',
      header: t('imm.col.vaccine'),
      rowHeader: true,
      cell: (i) => (
        <>
          {i.vaccine}
          <span className="meds-detail">
            {[
              `CVX ${i.cvxCode}`,
              i.doseNumber ? t('imm.doseN', { n: i.doseNumber }) : '',
              i.givenHere ? t('imm.here') : t('imm.elsewhere'),
              i.lot ? t('imm.lotN', { lot: i.lot }) : '',
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
      cell: (i) => (
        <button
          type="button"
          onClick={() => setOpen({ editing: i })}
          aria-label={t('imm.editNamed', { vaccine: i.vaccine, date: format.date(i.givenDate) })}
        >
          {t('edit')}
        </button>
      ),
    },
  ];

  return (
    <section className="chart-panel imm-panel" aria-labelledby="imm-panel-title">
      <div className="chart-panel__header">
        <h2 id="imm-panel-title">{t('imm.title')}</h2>
        <button type="button" onClick={() => setOpen({ editing: null })}>
          {t('imm.add')}
        </button>
      </div>
      <div className="chart-panel__body">
        {query.error && <Notice tone="error">{t('loadFailed', { message: errorMessage(query.error) })}</Notice>}
        {status && <Notice tone="success">{status}</Notice>}
        {query.isPending && <p className="chart-panel__empty">{t('loading')}</p>}
        {query.data && rows.length === 0 && <p className="chart-panel__empty">{t('imm.empty')}</p>}
        {rows.length > 0 && (
          <DataTable
            caption={t('imm.caption')}
            className="meds-table"
            columns={columns}
            rows={rows}
            rowKey={(i) => i.id}
          />
        )}
      </div>
      {open && (
        <ImmunizationFormDialog
          patientId={patientId}
          editing={open.editing}
          today={today}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            setStatus(t('imm.saved', { vaccine: saved.vaccine }));
            setOpen(null);
          }}
        />
      )}
    </section>
  );
}
