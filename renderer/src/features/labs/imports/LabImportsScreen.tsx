import { useState, type FormEvent } from 'react';
import { LAB_RESULT_READS } from '../lab-reads';
import { useDateFormat } from '../../../format/use-date-format';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors } from '../../../forms/field-errors';
import { DataTable, Dialog, Notice, TextAreaField, TextField, type Column } from '../../../ui';
import type { LabImportProblem, LabImportSummary, LabUnmatched } from '../../../../../shared/domain/lab-import';
import '../../admin/admin.css';
import './lab-imports.css';

/**
 * Lab imports (issue 11, part 4), for doctors: import an HL7 v2 ORU^R01 file or a FHIR R4 bundle
 * with its progress and a summary, then the reconciliation list, where each result the import could
 * not put on a patient with certainty waits for the doctor to choose the patient or dismiss it.
 */
export function LabImportsScreen() {
  const { t } = useTranslation('labimport');
  return (
    <section className="admin-screen" aria-labelledby="lab-imports-title">
      <h1 id="lab-imports-title">{t('title')}</h1>
      <ImportForm />
      <ReconciliationList />
    </section>
  );
}

function ImportForm() {
  const { t } = useTranslation('labimport');
  const run = useChannelMutation('labs.import', { invalidates: ['labs.unmatched.list', ...LAB_RESULT_READS] });
  const progress = useChannelQuery('labs.import.progress', {}, { enabled: run.isPending, refreshMs: 400 });
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<LabImportSummary | null>(null);
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSummary(null);
    setError('');
    if (!file) return;
    try {
      setSummary(await run.mutateAsync({ fileName: file.name, content: await file.text() }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const columns: Column<LabImportProblem & { key: string }>[] = [
    { key: 'location', header: t('problems.location'), rowHeader: true, cell: (p) => p.location },
    { key: 'segment', header: t('problems.segment'), cell: (p) => p.segment || '—' },
    { key: 'message', header: t('problems.message'), cell: (p) => p.message },
    { key: 'file', header: t('problems.file'), cell: (p) => p.fileName },
  ];
  const shown = progress.data?.running ? progress.data : null;

  return (
    <form className="admin-form" aria-labelledby="lab-import-heading" onSubmit={submit} noValidate>
      <h2 id="lab-import-heading">{t('import.heading')}</h2>
      <p>{t('import.hint')}</p>
      <label>
        {t('import.file')}
        <input
          type="file"
          accept=".hl7,.txt,.oru,.json,application/json,application/fhir+json,text/plain"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <button type="submit" disabled={!file || run.isPending}>
        {run.isPending ? t('import.running') : t('import.submit')}
      </button>
      {run.isPending && (
        <div role="status">
          <progress aria-label={t('import.progress')} max={shown?.total || 1} value={shown ? shown.done : undefined} />{' '}
          {shown ? t('import.progressText', { done: shown.done, total: shown.total }) : t('import.reading')}
        </div>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      {summary && (
        <>
          <Notice tone={summary.problems.length > 0 ? 'info' : 'success'}>
            {t('import.summary', {
              file: summary.fileName,
              imported: summary.imported,
              results: summary.results,
              already: summary.alreadyThere,
              reconcile: summary.toReconcile,
              problems: summary.problems.length,
            })}
          </Notice>
          <dl className="lab-import-summary" aria-label={t('import.summaryLabel')}>
            <dt>{t('import.imported')}</dt>
            <dd>{summary.imported}</dd>
            <dt>{t('import.alreadyThere')}</dt>
            <dd>{summary.alreadyThere}</dd>
            <dt>{t('import.toReconcile')}</dt>
            <dd>{summary.toReconcile}</dd>
            <dt>{t('import.errors')}</dt>
            <dd>{summary.problems.length}</dd>
          </dl>
          {summary.problems.length > 0 && (
            <DataTable
              caption={t('problems.caption')}
              columns={columns}
              rows={summary.problems.map((p, i) => ({ ...p, key: String(i) }))}
              rowKey={(p) => p.key}
            />
          )}
        </>
      )}
    </form>
  );
}

function labPatient(item: LabUnmatched): string {
  const p = item.report.patient;
  return `${p.givenName} ${p.familyName}`.trim() || '—';
}

function ReconciliationList() {
  const { t } = useTranslation('labimport');
  const format = useDateFormat();
  const list = useChannelQuery('labs.unmatched.list', { status: 'pending' });
  const [assigning, setAssigning] = useState<LabUnmatched | null>(null);
  const [dismissing, setDismissing] = useState<LabUnmatched | null>(null);
  const [done, setDone] = useState('');

  const columns: Column<LabUnmatched>[] = [
    {
      key: 'patient',
      header: t('list.patient'),
      rowHeader: true,
      cell: (u) => (
        <>
          {labPatient(u)}
          <br />
          <small>
            {t('list.born', { date: u.report.patient.birthDate ? format.date(u.report.patient.birthDate) : '—' })}
            {u.report.patient.identifiers.length > 0 &&
              ` · ${u.report.patient.identifiers.map((i) => i.value).join(', ')}`}
          </small>
        </>
      ),
    },
    {
      key: 'report',
      header: t('list.report'),
      cell: (u) => t('list.reportText', { name: u.report.name, count: u.report.results.length }),
    },
    { key: 'reason', header: t('list.reason'), cell: (u) => u.reason },
    { key: 'from', header: t('list.from'), cell: (u) => `${u.fileName}, ${u.report.location}` },
    {
      key: 'actions',
      header: t('list.actions'),
      cell: (u) => (
        <span className="row-actions">
          <button
            type="button"
            aria-label={t('list.assignFor', { name: labPatient(u) })}
            onClick={() => setAssigning(u)}
          >
            {t('list.assign')}
          </button>
          <button
            type="button"
            aria-label={t('list.dismissFor', { name: labPatient(u) })}
            onClick={() => setDismissing(u)}
          >
            {t('list.dismiss')}
          </button>
        </span>
      ),
    },
  ];

  return (
    <section className="lab-reconcile" aria-labelledby="lab-reconcile-heading">
      <h2 id="lab-reconcile-heading">{t('list.heading')}</h2>
      <p>{t('list.hint')}</p>
      {done && <Notice tone="success">{done}</Notice>}
      {list.error && <Notice tone="error">{errorMessage(list.error)}</Notice>}
      {list.data && list.data.length === 0 && <p>{t('list.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <DataTable caption={t('list.caption')} columns={columns} rows={list.data} rowKey={(u) => u.id} />
      )}
      {assigning && (
        <AssignDialog
          item={assigning}
          onClose={(message) => {
            setAssigning(null);
            if (message) setDone(message);
          }}
        />
      )}
      {dismissing && (
        <DismissDialog
          item={dismissing}
          onClose={(message) => {
            setDismissing(null);
            if (message) setDone(message);
          }}
        />
      )}
    </section>
  );
}

interface Choice {
  id: string;
  name: string;
  mrn: string;
  birthDate: string;
}

function AssignDialog({ item, onClose }: { item: LabUnmatched; onClose: (message?: string) => void }) {
  const { t } = useTranslation('labimport');
  const format = useDateFormat();
  const [text, setText] = useState('');
  const search = useChannelQuery('patients.search', { text }, { enabled: text.trim().length >= 2, keepPrevious: true });
  const assign = useChannelMutation('labs.unmatched.assign', {
    invalidates: ['labs.unmatched.list', ...LAB_RESULT_READS],
  });
  const [error, setError] = useState('');
  const choices: Choice[] = [
    ...item.candidates.map((c) => ({ id: c.id, name: c.name, mrn: c.mrn, birthDate: c.birthDate })),
    ...(text.trim().length >= 2 ? (search.data ?? []) : [])
      .filter((p) => !item.candidates.some((c) => c.id === p.id))
      .map((p) => ({ id: p.id, name: `${p.givenNames} ${p.familyName}`, mrn: p.mrn, birthDate: p.birthDate })),
  ];

  async function choose(choice: Choice) {
    setError('');
    try {
      await assign.mutateAsync({ id: item.id, version: item.version, patientId: choice.id });
      onClose(t('assign.done', { report: item.report.name, name: choice.name }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const columns: Column<Choice>[] = [
    { key: 'name', header: t('assign.name'), rowHeader: true, cell: (c) => c.name },
    { key: 'mrn', header: t('assign.mrn'), cell: (c) => c.mrn },
    { key: 'born', header: t('assign.born'), cell: (c) => (c.birthDate ? format.date(c.birthDate) : '—') },
    {
      key: 'choose',
      header: t('assign.action'),
      cell: (c) => (
        <button
          type="button"
          disabled={assign.isPending}
          aria-label={t('assign.chooseFor', { name: c.name, mrn: c.mrn })}
          onClick={() => void choose(c)}
        >
          {t('assign.choose')}
        </button>
      ),
    },
  ];

  return (
    <Dialog
      open
      title={t('assign.title')}
      onClose={() => onClose()}
      actions={
        <button type="button" onClick={() => onClose()}>
          {t('cancel')}
        </button>
      }
    >
      <p>
        {t('assign.about', {
          report: item.report.name,
          name: labPatient(item),
          born: item.report.patient.birthDate ? format.date(item.report.patient.birthDate) : '—',
        })}
      </p>
      <p>{item.reason}</p>
      <TextField label={t('assign.search')} value={text} onChange={(e) => setText(e.target.value)} />
      {error && <Notice tone="error">{error}</Notice>}
      {choices.length > 0 ? (
        <DataTable caption={t('assign.caption')} columns={columns} rows={choices} rowKey={(c) => c.id} />
      ) : (
        <p>{t('assign.none')}</p>
      )}
    </Dialog>
  );
}

function DismissDialog({ item, onClose }: { item: LabUnmatched; onClose: (message?: string) => void }) {
  const { t } = useTranslation('labimport');
  const dismiss = useChannelMutation('labs.unmatched.dismiss', { invalidates: ['labs.unmatched.list'] });
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    try {
      await dismiss.mutateAsync({ id: item.id, version: item.version, reason });
      onClose(t('dismiss.done', { report: item.report.name }));
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors(Object.keys(fields).length > 0 ? fields : { _: errorMessage(err) });
    }
  }

  return (
    <Dialog open title={t('dismiss.title')} onClose={() => onClose()}>
      <form onSubmit={submit} noValidate>
        <p>{t('dismiss.about', { report: item.report.name, name: labPatient(item) })}</p>
        <TextAreaField
          label={t('dismiss.reason')}
          error={errors.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {errors._ && <Notice tone="error">{errors._}</Notice>}
        <div className="dialog__actions">
          <button type="button" onClick={() => onClose()}>
            {t('cancel')}
          </button>
          <button type="submit" disabled={dismiss.isPending}>
            {t('dismiss.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
