import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabCatalogueEntry } from '../../../../shared/domain/lab-order';
import { useChannelQuery } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';
import { CheckboxField, DataTable, Notice, TextField, type Column } from '../../ui';
import { LabTestEditor } from './LabTestEditor';
import '../admin/admin.css';
import './labs.css';

/** "Lab tests" (issue 11, part 1): the catalogue the clinic orders from; doctors and administrators edit it. */
export function LabTestsScreen() {
  const { t } = useTranslation('labs');
  const [text, setText] = useState('');
  const [includeHidden, setIncludeHidden] = useState(false);
  const [editing, setEditing] = useState<LabCatalogueEntry | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const list = useChannelQuery('labs.catalogue.search', { text, limit: 200, includeHidden });
  const origin = (e: LabCatalogueEntry) =>
    t(
      e.origin === 'catalogue'
        ? 'catalogue.originCatalogue'
        : e.origin === 'edited'
          ? 'catalogue.originEdited'
          : 'catalogue.originClinic',
    );
  const columns: Column<LabCatalogueEntry>[] = [
    {
      key: 'name',
      header: t('catalogue.name'),
      rowHeader: true,
      cell: (e) => (
        <>
          {e.name}
          {e.hidden && <span className="lab-muted"> ({t('catalogue.hiddenMark')})</span>}
          {e.kind === 'panel' && <div className="lab-muted">{e.memberNames.join(', ')}</div>}
        </>
      ),
    },
    { key: 'code', header: t('catalogue.code'), cell: (e) => e.code },
    {
      key: 'kind',
      header: t('catalogue.kind'),
      cell: (e) => t(e.kind === 'panel' ? 'catalogue.kindPanel' : 'catalogue.kindTest'),
    },
    { key: 'unit', header: t('catalogue.unit'), cell: (e) => e.unit ?? '' },
    { key: 'origin', header: t('catalogue.origin'), cell: origin },
    {
      key: 'actions',
      header: t('catalogue.actions'),
      cell: (e) => (
        <button type="button" onClick={() => setEditing(e)} aria-label={t('catalogue.editFor', { name: e.name })}>
          {t('catalogue.edit')}
        </button>
      ),
    },
  ];
  const rows = list.data ?? [];
  return (
    <section className="admin-screen lab-tests-screen" aria-labelledby="lab-tests-title">
      <h1 id="lab-tests-title">{t('title')}</h1>
      <p>{t('catalogue.intro')}</p>
      {saved && <Notice tone="success">{t('catalogue.saved', { name: saved })}</Notice>}
      {list.isError && <Notice tone="error">{errorMessage(list.error)}</Notice>}
      <div className="lab-orders__header">
        <TextField label={t('catalogue.search')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <CheckboxField
          label={t('catalogue.showHidden')}
          checked={includeHidden}
          onChange={(e) => setIncludeHidden(e.target.checked)}
        />
        <button type="button" onClick={() => setEditing('new')}>
          {t('catalogue.add')}
        </button>
      </div>
      {list.isSuccess && rows.length === 0 ? (
        <p>{t('catalogue.noMatch')}</p>
      ) : (
        <DataTable caption={t('catalogue.caption')} columns={columns} rows={rows} rowKey={(e) => e.code} />
      )}
      {editing && (
        <LabTestEditor
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setSaved(name);
          }}
        />
      )}
    </section>
  );
}
