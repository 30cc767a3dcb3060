import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemCoding } from '../../../../../shared/domain/problem';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';

interface Props {
  value: ProblemCoding | null;
  onChange(value: ProblemCoding | null, label: string): void;
  /** What main said about the chosen code or text. */
  error?: string | undefined;
}

type Option = { key: string; coding: ProblemCoding; label: string; code?: string };

/**
 * Diagnosis search as an ARIA 1.2 combobox (input + listbox): type a code (E11.9, e119) or words,
 * ArrowDown/ArrowUp to move, Enter to choose, Escape to close. The last option keeps the typed
 * words as a free-text diagnosis, left uncoded.
 */
export function DiagnosisCombobox({ value, onChange, error }: Props) {
  const { t } = useTranslation('problems');
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = text.trim();
  const search = useChannelQuery(
    'diagnoses.search',
    { text: query },
    { enabled: query.length > 0, keepPrevious: true },
  );
  const options: Option[] = [
    ...(query.length > 0 ? (search.data ?? []) : []).map((d) => ({
      key: d.code,
      coding: { kind: 'icd10', code: d.code } as const,
      label: `${d.code} ${d.description}`,
      code: d.code,
    })),
    ...(query.length > 0
      ? [{ key: '__text', coding: { kind: 'text', text: query } as const, label: t('freeTextOption', { text: query }) }]
      : []),
  ];
  const expanded = open && options.length > 0;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const choose = (option: Option) => {
    onChange(
      option.coding,
      option.coding.kind === 'text' ? t('uncodedLabel', { text: option.coding.text }) : option.label,
    );
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      // A closed list opens on the option that was active; an open one moves down (never past the end).
      if (expanded) setActive((i) => Math.max(0, Math.min(i + 1, options.length - 1)));
      else setActive((i) => Math.max(0, Math.min(i, options.length - 1)));
      setOpen(true);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      e.preventDefault();
      const option = options[Math.max(0, Math.min(active, options.length - 1))];
      if (option) choose(option);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <div className="field diagnosis-combobox">
      <label htmlFor={id}>{t('diagnosis')}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(Math.max(0, Math.min(active, options.length - 1))) : undefined}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (value) onChange(null, '');
        }}
        onKeyDown={onKey}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('diagnosisOptions')}
        className="diagnosis-combobox__list"
        hidden={!expanded}
      >
        {options.map((o, i) => (
          <li
            key={o.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'diagnosis-combobox__option--active' : undefined}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {o.code ? (
              <>
                <strong>{o.code}</strong> {o.label.slice(o.code.length + 1)}
              </>
            ) : (
              o.label
            )}
          </li>
        ))}
      </ul>
      {search.error && <p className="field__error">{errorMessage(search.error)}</p>}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field__hint">
          {t('diagnosisHint')}
        </p>
      )}
    </div>
  );
}
