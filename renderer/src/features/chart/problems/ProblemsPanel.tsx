import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../../shared/dates';
import type { Problem } from '../../../../../shared/domain/problem';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { useClinicTimeZone } from '../../../app/session-store';
import { errorMessage } from '../../../forms/field-errors';
import { useDateFormat } from '../../../format/use-date-format';
import { DataTable, Notice, type Column } from '../../../ui';
import { AddProblemDialog } from './AddProblemDialog';
import './problems.css';

/** The problem list (side column): active problems first, each with its ICD-10-CM code or "uncoded". */
export function ProblemsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation('problems');
  const format = useDateFormat();
  const timeZone = useClinicTimeZone();
  const [adding, setAdding] = useState(false);
  const list = useChannelQuery('problems.list', { patientId });
  const resolve = useChannelMutation('problems.resolve', { invalidates: ['problems.list'] });
  const reactivate = useChannelMutation('problems.reactivate', { invalidates: ['problems.list'] });
  const problems = (list.data ?? []).filter((p) => p.category === 'problem-list-item');
  const changeError = resolve.error ?? reactivate.error;

  // Compact for the side column: what and since when in one cell, the action beside it.
  const detail = (p: Problem) =>
    [
      p.onsetDate ? t('sinceDate', { date: format.date(p.onsetDate) }) : null,
      p.chronic ? t('chronicTag') : null,
      p.status === 'resolved'
        ? p.resolvedDate
          ? t('resolvedOn', { date: format.date(p.resolvedDate) })
          : t('statusValue.resolved')
        : t('statusValue.active'),
    ]
      .filter(Boolean)
      .join(' · ');
  const columns: Column<Problem>[] = [
    {
      key: 'problem',
      header: t('problem'),
      rowHeader: true,
      cell: (p) => (
        <>
          <span className="problem__code">{p.code ?? t('uncoded')}</span> {p.description}
          <span className="problem__detail">{detail(p)}</span>
        </>
      ),
    },
    {
      key: 'actions',
      header: t('actions'),
      cell: (p) =>
        p.status === 'active' ? (
          <button
            type="button"
            aria-label={t('resolveNamed', { name: p.description })}
            disabled={resolve.isPending}
            onClick={() => resolve.mutate({ id: p.id, version: p.version, resolvedDate: todayIn(timeZone) })}
          >
            {t('resolve')}
          </button>
        ) : (
          <button
            type="button"
            aria-label={t('reactivateNamed', { name: p.description })}
            disabled={reactivate.isPending}
            onClick={() => reactivate.mutate({ id: p.id, version: p.version })}
          >
            {t('reactivate')}
          </button>
        ),
    },
  ];

  return (
    <section className="chart-panel problems-panel" aria-labelledby={`problems-${patientId}`}>
      <div className="chart-panel__header">
        <h2 id={`problems-${patientId}`}>{t('title')}</h2>
        <button type="button" onClick={() => setAdding(true)}>
          {t('add')}
        </button>
      </div>
      <div className="chart-panel__body">
        {list.error && <Notice tone="error">{errorMessage(list.error)}</Notice>}
        {changeError && <Notice tone="error">{errorMessage(changeError)}</Notice>}
        {list.data && problems.length === 0 && <p className="chart-panel__empty">{t('empty')}</p>}
        {problems.length > 0 && (
          <DataTable
            caption={t('title')}
            className="problems-table"
            columns={columns}
            rows={problems}
            rowKey={(p) => p.id}
            rowClassName={(p) => (p.status === 'resolved' ? 'problem--resolved' : undefined)}
          />
        )}
      </div>
      <AddProblemDialog patientId={patientId} open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}
