import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemCoding } from '../../../../../shared/domain/problem';
import { useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage } from '../../../forms/field-errors';
import { Combobox } from '../../../ui';

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
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
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
  return (
    <Combobox
      label={t('diagnosis')}
      listLabel={t('diagnosisOptions')}
      classPrefix="diagnosis-combobox"
      value={text}
      onInput={(typed) => {
        setText(typed);
        if (value) onChange(null, '');
      }}
      options={options}
      open={open}
      onOpenChange={setOpen}
      onChoose={(option) =>
        onChange(
          option.coding,
          option.coding.kind === 'text' ? t('uncodedLabel', { text: option.coding.text }) : option.label,
        )
      }
      renderOption={(o) =>
        o.code ? (
          <>
            <strong>{o.code}</strong> {o.label.slice(o.code.length + 1)}
          </>
        ) : (
          o.label
        )
      }
      error={error}
      searchError={search.error ? errorMessage(search.error) : null}
      hint={t('diagnosisHint')}
    />
  );
}
