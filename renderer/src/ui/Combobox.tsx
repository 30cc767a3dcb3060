import { useId, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

interface ComboboxProps<O extends { key: string }> {
  label: string;
  /** The listbox's accessible name. */
  listLabel: string;
  /** The class of the field; its list and active option are `${classPrefix}__list` and `${classPrefix}__option--active`. */
  classPrefix: string;
  /** What is typed. */
  value: string;
  onInput(text: string): void;
  /** What the typed text finds; the list shows while `open` and there is something in it. */
  options: readonly O[];
  open: boolean;
  onOpenChange(open: boolean): void;
  onChoose(option: O): void;
  renderOption(option: O): ReactNode;
  /** What main said about the choice, under the field. */
  error?: string | undefined;
  /** A failed search, said under the field. */
  searchError?: string | null | undefined;
  /** Shown under the field while there is no error. */
  hint: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A search field as an ARIA 1.2 combobox (input + listbox): typing opens the list on its first
 * option, ArrowDown/ArrowUp move (ArrowDown opens a closed list), Enter chooses, Escape closes the
 * list without closing the dialog around it; an option is chosen on mouse down, before the input's
 * blur closes the list. The diagnosis and medicine searches are built on it.
 */
export function Combobox<O extends { key: string }>(props: ComboboxProps<O>) {
  const { options, open, onOpenChange, onChoose, classPrefix, error, inputRef } = props;
  const id = useId();
  const [active, setActive] = useState(0);
  const expanded = open && options.length > 0;
  const current = Math.max(0, Math.min(active, options.length - 1));
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const hintId = `${id}-hint`;
  const choose = (option: O) => {
    onChoose(option);
    onOpenChange(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!expanded) {
        onOpenChange(true);
        setActive(0);
      } else setActive(Math.min(current + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      // Enter chooses; it does not submit the form around the field.
      e.preventDefault();
      const option = options[current];
      if (option) choose(option);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      onOpenChange(false);
    }
  };
  return (
    <div className={`field ${classPrefix}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(current) : undefined}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : hintId}
        value={props.value}
        onChange={(e) => {
          props.onInput(e.target.value);
          setActive(0);
          onOpenChange(true);
        }}
        onKeyDown={onKey}
        onBlur={() => onOpenChange(false)}
      />
      <ul id={listId} role="listbox" aria-label={props.listLabel} className={`${classPrefix}__list`} hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? `${classPrefix}__option--active` : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {props.renderOption(o)}
          </li>
        ))}
      </ul>
      {props.searchError && <p className="field__error">{props.searchError}</p>}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : (
        <p id={hintId} className="field__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}
