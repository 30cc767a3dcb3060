import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { useSessionStore } from '../../app/session-store';
import { errorMessage, fieldErrors } from '../../forms/field-errors';
import { DataTable, Notice, SelectField, TextField, type Column } from '../../ui';
import { mayUse } from '../../../../shared/contract';
import type { FormularyEntry, FormularyImportResult } from '../../../../shared/domain/formulary';
import '../admin/admin.css';
import { ConfirmRemoveDialog } from '../admin/hours/ConfirmRemoveDialog';
import { EditFormularyProduct } from './EditFormularyProduct';

type Refused = FormularyImportResult['refused'][number];

/**
 * The clinic's formulary (issue 10, part 1): its brands and local products, adding a brand as one
 * of the catalogue's generic products, marking favourites, and importing a CSV with its report.
 * Doctors and administrators keep it; only doctors search the catalogue (they prescribe).
 */
export function FormularyScreen() {
  const { t } = useTranslation('drugs');
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  const prescriber = mayUse('rx.drugs.search', roles);
  const [text, setText] = useState('');
  const list = useChannelQuery('rx.formulary.list', { text });
  const invalidates = ['rx.formulary.list', 'rx.drugs.search'] as const;
  const remove = useChannelMutation('rx.formulary.remove', { invalidates: [...invalidates] });
  const favourite = useChannelMutation('rx.drugs.favourite', {
    invalidates: ['rx.drugs.search', 'rx.formulary.list'],
  });
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  const [editing, setEditing] = useState<FormularyEntry | null>(null);
  const [removing, setRemoving] = useState<FormularyEntry | null>(null);

  const setFavourite = async (e: FormularyEntry, on: boolean) => {
    try {
      await favourite.mutateAsync({ productId: e.product.id, favourite: on });
      const name = e.product.brand ?? e.product.name;
      setMessage({ tone: 'success', text: on ? t('favourited', { name }) : t('unfavourited', { name }) });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };

  const columns: Column<FormularyEntry>[] = [
    { key: 'brand', header: t('columns.brand'), rowHeader: true, cell: (e) => e.product.brand },
    { key: 'generic', header: t('columns.generic'), cell: (e) => e.product.name },
    {
      key: 'favourite',
      header: t('columns.favourite'),
      cell: (e) => (e.product.favourite ? t('isFavourite') : ''),
    },
    {
      key: 'actions',
      header: t('columns.actions'),
      cell: (e) => (
        <span className="row-actions">
          {prescriber && (
            <button type="button" onClick={() => void setFavourite(e, !e.product.favourite)}>
              {e.product.favourite
                ? t('unfavourite', { name: e.product.brand })
                : t('favourite', { name: e.product.brand })}
            </button>
          )}
          <button type="button" onClick={() => setEditing(e)}>
            {t('edit.open', { brand: e.product.brand })}
          </button>
          <button type="button" onClick={() => setRemoving(e)}>
            {t('remove', { brand: e.product.brand })}
          </button>
        </span>
      ),
    },
  ];

  const rows = list.data ?? [];
  return (
    <section className="admin-screen" aria-labelledby="formulary-title">
      <h1 id="formulary-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <TextField label={t('searchLabel')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      {list.isSuccess && rows.length === 0 ? (
        <p>{text.trim() ? t('noMatch') : t('empty')}</p>
      ) : (
        <DataTable caption={t('tableCaption')} columns={columns} rows={rows} rowKey={(e) => e.id} />
      )}
      {editing && (
        <EditFormularyProduct
          entry={editing}
          onClose={() => setEditing(null)}
          onSaved={(brand) => {
            setEditing(null);
            setMessage({ tone: 'success', text: t('edit.saved', { brand }) });
          }}
        />
      )}
      {removing && (
        <ConfirmRemoveDialog
          title={t('confirmRemove.title', { brand: removing.product.brand })}
          explain={t('confirmRemove.explain', { brand: removing.product.brand, generic: removing.product.name })}
          confirmLabel={t('confirmRemove.confirm')}
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            await remove.mutateAsync({ id: removing.id, version: removing.version });
            setMessage({ tone: 'success', text: t('removed', { brand: removing.product.brand }) });
            setRemoving(null);
          }}
        />
      )}
      {prescriber && <AddBrand onDone={(m) => setMessage(m)} />}
      <ImportCsv />
    </section>
  );
}

function AddBrand({ onDone }: { onDone: (m: { tone: 'error' | 'success'; text: string }) => void }) {
  const { t } = useTranslation('drugs');
  const [generic, setGeneric] = useState('');
  const [productId, setProductId] = useState('');
  const [brand, setBrand] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const results = useChannelQuery(
    'rx.drugs.search',
    { text: generic, limit: 25 },
    { enabled: generic.trim().length >= 2 },
  );
  const generics = (results.data ?? []).filter((p) => p.source === 'catalogue');
  const add = useChannelMutation('rx.formulary.add', { invalidates: ['rx.formulary.list', 'rx.drugs.search'] });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const product = generics.find((p) => p.id === productId);
    if (!product) {
      setErrors({ product: t('add.pickProduct') });
      return;
    }
    try {
      const added = await add.mutateAsync({
        brand,
        form: product.form,
        route: product.route,
        ingredients: product.ingredients.map((i) => ({
          ingredientId: i.id,
          strength: i.strength,
          unit: i.strengthUnit,
        })),
        note: '',
      });
      setErrors({});
      setBrand('');
      onDone({ tone: 'success', text: t('add.added', { brand: added.product.brand }) });
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors(fields);
      if (!fields.brand) onDone({ tone: 'error', text: errorMessage(error) });
    }
  }

  return (
    <form className="admin-form" aria-labelledby="formulary-add" onSubmit={submit} noValidate>
      <h2 id="formulary-add">{t('add.heading')}</h2>
      <TextField
        label={t('add.genericSearch')}
        hint={t('add.genericHint')}
        type="search"
        value={generic}
        onChange={(e) => setGeneric(e.target.value)}
      />
      <SelectField
        label={t('add.choose')}
        error={errors.product}
        value={productId}
        onChange={(e) => setProductId(e.target.value)}
        options={[{ value: '', label: t('add.chooseNone') }, ...generics.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <TextField label={t('add.brand')} error={errors.brand} value={brand} onChange={(e) => setBrand(e.target.value)} />
      <button type="submit" disabled={add.isPending}>
        {t('add.submit')}
      </button>
    </form>
  );
}

function ImportCsv() {
  const { t } = useTranslation('drugs');
  const run = useChannelMutation('rx.formulary.importCsv', { invalidates: ['rx.formulary.list', 'rx.drugs.search'] });
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<FormularyImportResult | null>(null);
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    setError('');
    if (!file) return;
    try {
      setResult(await run.mutateAsync({ csv: await file.text() }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const columns: Column<Refused>[] = [
    { key: 'line', header: t('import.line'), rowHeader: true, cell: (r) => String(r.line) },
    { key: 'brand', header: t('import.brand'), cell: (r) => r.brand },
    { key: 'reason', header: t('import.reason'), cell: (r) => r.reason },
  ];

  return (
    <form className="admin-form" aria-labelledby="formulary-import" onSubmit={submit} noValidate>
      <h2 id="formulary-import">{t('import.heading')}</h2>
      <p>{t('import.hint')}</p>
      <label>
        {t('import.file')}
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="submit" disabled={!file || run.isPending}>
        {t('import.submit')}
      </button>
      {error && <Notice tone="error">{error}</Notice>}
      {result && (
        <>
          <Notice tone="success">{t('import.result', { imported: result.imported, rows: result.rows })}</Notice>
          {result.refused.length > 0 && (
            <DataTable
              caption={t('import.refusedCaption')}
              columns={columns}
              rows={result.refused}
              rowKey={(r) => String(r.line)}
            />
          )}
        </>
      )}
    </form>
  );
}
