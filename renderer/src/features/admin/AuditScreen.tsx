import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { Notice } from '../../ui';
import { AuditFilters, NO_AUDIT_FILTERS, type AuditFilterForm } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AuditIntegrityStatus } from './AuditIntegrity';
import { downloadBlob } from '../../ui/download-file';
import { errorMessage, fieldErrors, hasFieldErrors, topLevelField } from '../../forms/field-errors';
import './admin.css';
import { AUDIT_NAMES_ROLES, mayCall } from '../../../../shared/access';
import { useSessionStore } from '../../app/session-store';
import { mayUse } from '../../../../shared/contract';
import { RxAlertReport } from '../rx/RxAlertReport';

const PAGE_SIZE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Excel reads a CSV as UTF-8 (accented names intact) only when it starts with a byte-order mark. */
const UTF8_BOM = '\uFEFF';

/** The filter main understands: empty fields left out. */
function toQuery(f: AuditFilterForm) {
  return {
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.patientId.trim() ? { patientId: f.patientId.trim() } : {}),
  };
}

/** Who did what, when, to which patient: filter, page through, export for an inspector. */
export function AuditScreen() {
  const { t } = useTranslation('admin');
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  const [form, setForm] = useState<AuditFilterForm>(NO_AUDIT_FILTERS);
  // The filters last applied; a half-pasted patient id does not replace them.
  const [applied, setApplied] = useState<AuditFilterForm>(NO_AUDIT_FILTERS);
  const [offset, setOffset] = useState(0);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [exportError, setExportError] = useState('');
  const [status, setStatus] = useState('');
  // The list still works without the user filter's names.
  const users = useChannelQuery('users.list', {}).data ?? [];
  // The last page stays on screen while the next one loads, so paging does not blink to "Loading".
  const pageQuery = useChannelQuery(
    'audit.list',
    { ...toQuery(applied), limit: PAGE_SIZE, offset },
    { keepPrevious: true },
  );
  const page = pageQuery.data ?? null;
  // The export is itself audited: the list on screen is asked again afterwards.
  const exportMutation = useChannelMutation('audit.exportCsv', { invalidates: ['audit.list', 'audit.integrity'] });
  const exporting = exportMutation.isPending;
  const serverErrors = fieldErrors(pageQuery.error, topLevelField);
  const errors = hasFieldErrors(localErrors) ? localErrors : serverErrors;
  const alert =
    exportError ||
    (pageQuery.error && !hasFieldErrors(serverErrors)
      ? t('audit.loadFailed', { message: errorMessage(pageQuery.error) })
      : '');

  function changeFilters(next: AuditFilterForm) {
    setForm(next);
    setStatus('');
    const id = next.patientId.trim();
    if (id !== '' && !UUID.test(id)) {
      setLocalErrors({ patientId: t('audit.patientIdInvalid') });
      return;
    }
    setLocalErrors({});
    setApplied(next);
    setOffset(0);
  }

  async function exportCsv() {
    setStatus('');
    setExportError('');
    try {
      const result = await exportMutation.mutateAsync({ ...toQuery(applied), limit: PAGE_SIZE, offset: 0 });
      downloadBlob(result.filename, new Blob([UTF8_BOM + result.csv], { type: 'text/csv;charset=utf-8' }));
      setStatus(t('audit.exported', { filename: result.filename, count: result.rows }));
    } catch (error) {
      setExportError(t('audit.exportFailed', { message: errorMessage(error) }));
    }
  }

  const total = page?.total ?? 0;
  // Main shows patients' names only to clinical staff (AUDIT_NAMES_ROLES); say why others see MRNs.
  const seesNames = mayCall(AUDIT_NAMES_ROLES, roles);
  const shownTo = Math.min(offset + PAGE_SIZE, total);
  return (
    <section className="admin-screen" aria-labelledby="admin-audit-title">
      <header className="admin-screen__header">
        <h1 id="admin-audit-title">{t('audit.title')}</h1>
        <button type="button" onClick={exportCsv} disabled={exporting}>
          {exporting ? t('audit.exporting') : t('audit.export')}
        </button>
      </header>
      <p className="admin-screen__intro">{t('audit.intro')}</p>
      {!seesNames && <p className="admin-screen__intro">{t('audit.namesHidden')}</p>}
      <AuditIntegrityStatus />
      <AuditFilters value={form} onChange={changeFilters} users={users} errors={errors} />
      {alert && <Notice tone="error">{alert}</Notice>}
      {status && <Notice tone="success">{status}</Notice>}
      {page === null && !alert && <p>{t('loading')}</p>}
      {page && total === 0 && <p className="admin-empty">{t('audit.empty')}</p>}
      {page && total > 0 && (
        <>
          <AuditTable entries={page.entries} />
          <nav className="admin-paging" aria-label={t('audit.paging')}>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('audit.previous')}
            </button>
            <p aria-live="polite">{t('audit.showing', { from: offset + 1, to: shownTo, total })}</p>
            <button type="button" disabled={shownTo >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('audit.next')}
            </button>
          </nav>
        </>
      )}
      {mayUse('rxReport.alerts', roles) && <RxAlertReport />}
    </section>
  );
}
