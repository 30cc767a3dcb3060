import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabCatalogueEntry } from '../../../../shared/domain/lab-order';
import { useChannelMutation, useChannelQuery } from '../../api/channel-hooks';
import { errorMessage, fieldErrors } from '../../forms/field-errors';
import { Notice, TextAreaField, TextField } from '../../ui';

/**
 * Ordering from the visit: find tests and panels as you type (Enter adds the first match), the
 * chosen ones listed with a remove button each, an optional lab and clinical note, then Order.
 */
export function OrderLabTestsForm({ visitId, onOrdered }: { visitId: string; onOrdered: () => void }) {
  const { t } = useTranslation('labs');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<LabCatalogueEntry[]>([]);
  const [labName, setLabName] = useState('');
  const [clinicalNote, setClinicalNote] = useState('');
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [pendingEnter, setPendingEnter] = useState(false);
  const search = useChannelQuery(
    'labs.catalogue.search',
    { text, limit: 8, includeHidden: false },
    { enabled: text.trim() !== '' },
  );
  const create = useChannelMutation('labs.orders.create', { invalidates: ['labs.orders.list'] });
  const matches = (text.trim() === '' ? [] : (search.data ?? [])).filter((e) => !chosen.some((c) => c.code === e.code));

  const add = (entry: LabCatalogueEntry) => {
    setChosen((all) => [...all, entry]);
    setText('');
    setPendingEnter(false);
  };
  // Enter typed before the search answered adds the first match when it arrives.
  const first = matches[0];
  useEffect(() => {
    if (pendingEnter && first) add(first);
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    try {
      await create.mutateAsync({ visitId, codes: chosen.map((c) => c.code), labName, clinicalNote });
      setChosen([]);
      setLabName('');
      setClinicalNote('');
      onOrdered();
    } catch (error) {
      setFailure({ message: errorMessage(error), fields: fieldErrors(error) });
    }
  };

  return (
    <form className="lab-order-form" onSubmit={(e) => void submit(e)} aria-label={t('order.formLabel')}>
      {failure && <Notice tone="error">{failure.message}</Notice>}
      <TextField
        label={t('order.find')}
        type="search"
        // The form opens on request (button or Alt+L): typing starts at once.
        autoFocus
        value={text}
        hint={t('order.findHint')}
        onChange={(e) => {
          setText(e.target.value);
          setPendingEnter(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (matches[0]) add(matches[0]);
            else if (text.trim() !== '' && !search.isSuccess) setPendingEnter(true);
          }
        }}
      />
      {matches.length > 0 && (
        <ul className="lab-order-form__matches" aria-label={t('order.matches')}>
          {matches.map((entry) => (
            <li key={entry.code}>
              <button type="button" onClick={() => add(entry)} aria-label={t('order.add', { name: entry.name })}>
                {entry.name}
              </button>
              <span className="lab-order-form__code">
                {entry.kind === 'panel' ? t('order.panelOf', { count: entry.members.length }) : entry.code}
              </span>
            </li>
          ))}
        </ul>
      )}
      {text.trim() !== '' && search.isSuccess && matches.length === 0 && <p>{t('order.noMatch')}</p>}
      <h5>{t('order.chosen')}</h5>
      {chosen.length === 0 ? (
        <p className="lab-muted">{t('order.noneChosen')}</p>
      ) : (
        <ul className="lab-order-form__chosen" aria-label={t('order.chosen')}>
          {chosen.map((entry) => (
            <li key={entry.code}>
              {entry.name}
              <button
                type="button"
                onClick={() => setChosen((all) => all.filter((c) => c.code !== entry.code))}
                aria-label={t('order.remove', { name: entry.name })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <TextField
        label={t('order.labName')}
        value={labName}
        onChange={(e) => setLabName(e.target.value)}
        error={failure?.fields.labName}
      />
      <TextAreaField
        label={t('order.clinicalNote')}
        value={clinicalNote}
        rows={2}
        onChange={(e) => setClinicalNote(e.target.value)}
        error={failure?.fields.clinicalNote}
      />
      <button type="submit" className="primary" disabled={chosen.length === 0 || create.isPending}>
        {t('order.submit', { count: chosen.length })}
      </button>
    </form>
  );
}
