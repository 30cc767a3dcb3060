import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePatientSearch } from '../../patients';
import type { ChosenPatient } from './booking-form';

interface PatientPickerProps {
  value: ChosenPatient | null;
  onChange(patient: ChosenPatient | null): void;
  onRegisterNew(typed: string): void;
  error?: string | undefined;
  autoFocus?: boolean;
}

/** Type-ahead patient search: type a name, phone or MRN, arrows to move, Enter to choose. */
export function PatientPicker({ value, onChange, onRegisterNew, error, autoFocus }: PatientPickerProps) {
  const { t } = useTranslation('appointments');
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const search = usePatientSearch(text.trim());
  const results = text.trim() ? search.results : [];
  useEffect(() => setActive(0), [search.results]);

  if (value) {
    return (
      <div className={`field book-patient${error ? ' field--invalid' : ''}`}>
        <span className="book-patient__label" id={`${id}-label`}>
          {t('booking.patient')}
        </span>
        <div className="book-patient__chosen" role="group" aria-labelledby={`${id}-label`}>
          <strong>{value.name}</strong> <span className="muted">{t('booking.mrn', { mrn: value.mrn })}</span>
          <button
            type="button"
            onClick={() => onChange(null)}
            aria-label={t('booking.changePatient', { name: value.name })}
          >
            {t('booking.change')}
          </button>
        </div>
      </div>
    );
  }

  const choose = (index: number) => {
    const p = results[index];
    if (!p) return;
    onChange({ id: p.id, name: `${p.givenNames} ${p.familyName}`.trim(), mrn: p.mrn });
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && results.length) {
      e.preventDefault();
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp' && results.length) {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      // Enter chooses a patient; it never submits the booking from the search box.
      e.preventDefault();
      choose(active);
    }
  };
  const optionId = (i: number) => `${id}-option-${i}`;
  const expanded = results.length > 0;

  return (
    <div className={`field book-patient${error ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-input`}>{t('booking.patient')}</label>
      <div className="book-patient__search">
        <input
          id={`${id}-input`}
          type="search"
          role="combobox"
          autoComplete="off"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded ? optionId(active) : undefined}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          placeholder={t('booking.patientPlaceholder')}
          value={text}
          autoFocus={autoFocus}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" onClick={() => onRegisterNew(text)}>
          {t('booking.registerNew')}
        </button>
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={t('booking.patientResults')}
        className="book-patient__results"
        hidden={!expanded}
      >
        {results.map((p, i) => (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
          >
            <strong>
              {p.givenNames} {p.familyName}
            </strong>{' '}
            <span className="muted">
              {t('booking.mrn', { mrn: p.mrn })} · {p.birthDate}
              {p.phone ? ` · ${p.phone}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {text.trim() && search.loaded && search.text === text.trim() && results.length === 0 && (
        <p className="field__hint">{t('booking.noPatients')}</p>
      )}
      {search.error && <p className="field__error">{search.error}</p>}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
