import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugProduct } from '../../../../shared/domain/drug';
import { useChannelQuery } from '../../api/channel-hooks';
import { errorMessage } from '../../forms/field-errors';
import { Combobox } from '../../ui';

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
  const [open, setOpen] = useState(false);
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
  const source = (p: DrugProduct) => t(p.source === 'formulary' ? 'item.sourceFormulary' : 'item.sourceCatalogue');
  return (
    <Combobox
      label={t('item.medicine')}
      listLabel={t('item.medicineOptions')}
      classPrefix="rx-medicine"
      value={text}
      onInput={onText}
      options={options}
      open={open}
      onOpenChange={setOpen}
      onChoose={(option) => onChoose(option.product)}
      renderOption={(o) =>
        o.product ? (
          <>
            <strong>{o.label}</strong>{' '}
            <span className="rx-medicine__meta">
              {source(o.product)}
              {o.product.favourite ? ` · ${t('item.favourite')}` : ''}
            </span>
          </>
        ) : (
          o.label
        )
      }
      error={error}
      searchError={searching && search.error ? errorMessage(search.error) : null}
      hint={
        product
          ? t('item.chosen', { source: source(product) })
          : query.length > 0 && !open
            ? t('item.freeText')
            : t('item.medicineHint')
      }
      inputRef={inputRef}
    />
  );
}
