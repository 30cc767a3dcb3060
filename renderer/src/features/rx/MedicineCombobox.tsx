import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugProduct } from '../../../../shared/domain/drug';
import { useChannelQuery } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';

/** The name an item gets from a product: the brand with its generic name, or the generic name. */
export function productItemName(product: DrugProduct): string {
  return product.brand ? `${product.brand} (${product.name})` : product.name;
}

interface Props {
  /** The medicine as written on the item. */
  text: string;
  /** The product chosen, or null when the medicine is free text. */
  product: DrugProduct | null;
  /** Typing: the medicine becomes free text (no product) until an option is chosen. */
  onText(text: string): void;
  /** A product (or null: the typed words as free text) was chosen from the list. */
  onChoose(product: DrugProduct | null): void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

type Option = { key: string; product: DrugProduct | null; label: string };

/**
 * Medicine search as an ARIA 1.2 combobox (input + listbox) over rx.drugs.search: type a brand or
 * generic name, the first match is active, ArrowDown/ArrowUp move, Enter chooses, Escape closes.
 * The last option keeps the typed words as free text (checked by the ingredients the name names).
 */
export function MedicineCombobox({ text, product, onText, onChoose, error, inputRef }: Props) {
  const { t } = useTranslation('rx');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = text.trim();
  const searching = open && query.length > 0 && product === null;
  const search = useChannelQuery(
    'rx.drugs.search',
    { text: query, limit: 10 },
    { enabled: searching, keepPrevious: true },
  );
  const options: Option[] = searching
    ? [
        ...(search.data ?? []).map((p) => ({ key: p.id, product: p, label: productItemName(p) })),
        { key: '__text', product: null, label: t('item.freeTextOption', { text: query }) },
      ]
    : [];
  const expanded = options.length > 0;
  const current = Math.max(0, Math.min(active, options.length - 1));
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const choose = (option: Option) => {
    onChoose(option.product);
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      // A closed list opens on its first option; an open one moves down.
      if (!expanded) {
        setOpen(true);
        setActive(0);
      } else setActive(Math.min(current + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(current - 1, 0));
    } else if (e.key === 'Enter' && expanded) {
      // Enter chooses; it does not add the item (the form is submitted from the other fields).
      e.preventDefault();
      const option = options[current];
      if (option) choose(option);
    } else if (e.key === 'Escape' && expanded) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };
  const hintId = `${id}-hint`;
  return (
    <div className="field rx-medicine">
      <label htmlFor={id}>{t('item.medicine')}</label>
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
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('item.medicineOptions')}
        className="rx-medicine__list"
        hidden={!expanded}
      >
        {options.map((o, i) => (
          <li
            key={o.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'rx-medicine__option--active' : undefined}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {o.product ? (
              <>
                <strong>{o.label}</strong>{' '}
                <span className="rx-medicine__meta">
                  {t(o.product.source === 'formulary' ? 'item.sourceFormulary' : 'item.sourceCatalogue')}
                  {o.product.favourite ? ` · ${t('item.favourite')}` : ''}
                </span>
              </>
            ) : (
              o.label
            )}
          </li>
        ))}
      </ul>
      {searching && search.error && <p className="field__error">{errorMessage(search.error)}</p>}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : (
        <p id={hintId} className="field__hint">
          {product
            ? t('item.chosen', {
                source: t(product.source === 'formulary' ? 'item.sourceFormulary' : 'item.sourceCatalogue'),
              })
            : query.length > 0 && !open
              ? t('item.freeText')
              : t('item.medicineHint')}
        </p>
      )}
    </div>
  );
}
