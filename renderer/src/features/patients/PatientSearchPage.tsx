import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../../../shared/domain/patient';
import { Notice } from '../../ui';
import { usePatientsNav } from './patients-nav-store';
import { PatientResults, resultOptionId } from './PatientResults';
import { SEARCH_LIMIT, usePatientSearch } from './usePatientSearch';

/** The front door of the Patients section: find a patient as you type, or register a new one. */
export function PatientSearchPage() {
  const { t } = useTranslation('patients');
  const text = usePatientsNav((s) => s.searchText);
  const setText = usePatientsNav((s) => s.setSearchText);
  const focusRequest = usePatientsNav((s) => s.focusSearchRequest);
  const openPatient = usePatientsNav((s) => s.openPatient);
  const show = usePatientsNav((s) => s.show);
  const search = usePatientSearch(text);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hintId = useId();

  // Focus on arrival and whenever the shell's shortcut asks for it.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusRequest]);

  // New results: the first one is active again.
  useEffect(() => setActive(0), [search.results]);

  // Enter pressed before the answer for the latest keystroke arrived: open its first match when it does,
  // never a row left over from the previous text.
  const current = search.loaded && search.text === text;
  const [openOnArrival, setOpenOnArrival] = useState(false);
  useEffect(() => {
    if (!openOnArrival || !current) return;
    setOpenOnArrival(false);
    const first = search.results[0];
    if (first) openPatient(first.id);
  }, [openOnArrival, current, search.results, openPatient]);

  const query = text.trim();
  const results = search.results;
  const activePatient: PatientSummary | undefined = results[active];
  const noMatch = current && !search.error && query !== '' && results.length === 0;

  const open = (p: PatientSummary) => openPatient(p.id);
  const register = () => show({ kind: 'register', prefillName: noMatch ? query : '' });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && results.length) {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp' && results.length) {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && !current) {
      e.preventDefault();
      setOpenOnArrival(true);
    } else if (e.key === 'Enter' && activePatient) {
      e.preventDefault();
      open(activePatient);
    } else if (e.key === 'Escape' && text) {
      e.preventDefault();
      setText('');
    }
  };

  const listLabel = query === '' ? t('search.recent') : t('search.resultsFor', { text: query });
  return (
    <section className="patient-search" aria-labelledby={`${listId}-title`}>
      <div className="patients__header">
        <h1 id={`${listId}-title`}>{t('title')}</h1>
        {!noMatch && (
          <button type="button" className="primary" onClick={register} aria-keyshortcuts="Control+Shift+N">
            {t('search.register')}
            <kbd className="patients__kbd">{t('search.registerShortcut')}</kbd>
          </button>
        )}
      </div>
      <div className="field patient-search__box">
        <label htmlFor={`${listId}-input`}>{t('search.label')}</label>
        <input
          ref={inputRef}
          id={`${listId}-input`}
          type="search"
          role="combobox"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activePatient ? resultOptionId(listId, activePatient) : undefined}
          aria-describedby={hintId}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setOpenOnArrival(false);
            setText(e.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={hintId} className="field__hint">
          {t('search.hint')}
        </p>
      </div>
      {search.error && <Notice tone="error">{search.error}</Notice>}
      {!noMatch && <h2 className="patient-search__heading">{listLabel}</h2>}
      {noMatch ? (
        <div className="patient-search__empty">
          <p role="status">{t('search.noMatch', { text: query })}</p>
          <button type="button" className="primary" onClick={register}>
            {t('search.register')}
          </button>
        </div>
      ) : search.loaded && query === '' && results.length === 0 ? (
        <p className="patient-search__none" role="status">
          {t('search.noPatientsYet')}
        </p>
      ) : (
        <PatientResults
          id={listId}
          label={listLabel}
          results={results}
          activeIndex={active}
          onOpen={open}
          onHover={setActive}
        />
      )}
      {results.length >= SEARCH_LIMIT && (
        <p className="field__hint">{t('search.moreThanShown', { count: SEARCH_LIMIT })}</p>
      )}
    </section>
  );
}
