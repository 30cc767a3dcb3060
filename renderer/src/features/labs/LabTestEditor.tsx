import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabCatalogueEntry, LabRangeInput } from '../../../../shared/domain/lab-order';
import { useChannelMutation } from '../../api/channel-hooks';
import { errorMessage, fieldErrors } from '../../forms/field-errors';
import { CheckboxField, Dialog, Notice, SelectField, TextField } from '../../ui';

const DAYS_PER_YEAR = 365.25;

interface RangeRow {
  sex: LabRangeInput['sex'];
  ageFrom: string;
  ageTo: string;
  low: string;
  high: string;
  criticalLow: string;
  criticalHigh: string;
  source: string;
}

const text = (n: number | null) => (n === null ? '' : String(n));
const years = (days: number | null) => (days === null ? '' : String(Math.round((days / DAYS_PER_YEAR) * 10) / 10));
/** '' is no limit; anything else must read as a number (main checks the rest). */
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));
const days = (s: string): number | null => (s.trim() === '' ? null : Math.round(Number(s.trim()) * DAYS_PER_YEAR));

function rowOf(r: LabCatalogueEntry['ranges'][number]): RangeRow {
  return {
    sex: r.sex,
    ageFrom: years(r.ageFromDays),
    ageTo: years(r.ageToDays),
    low: text(r.low),
    high: text(r.high),
    criticalLow: text(r.criticalLow),
    criticalHigh: text(r.criticalHigh),
    source: r.source,
  };
}

const EMPTY_RANGE: RangeRow = {
  sex: 'any',
  ageFrom: '18',
  ageTo: '',
  low: '',
  high: '',
  criticalLow: '',
  criticalHigh: '',
  source: '',
};

/**
 * Adding or editing a test or panel of the catalogue: name, unit, ranges by sex and age (each with
 * its source), a panel's tests, the delta limit, hidden. Main checks every rule and names the field.
 */
export function LabTestEditor({
  entry,
  onClose,
  onSaved,
}: {
  entry: LabCatalogueEntry | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation('labs');
  const [code, setCode] = useState(entry?.code ?? 'X');
  const [kind, setKind] = useState<'test' | 'panel'>(entry?.kind ?? 'test');
  const [name, setName] = useState(entry?.name ?? '');
  const [unit, setUnit] = useState(entry?.unit ?? '');
  const [valueType, setValueType] = useState<'numeric' | 'text'>(entry?.valueType === 'text' ? 'text' : 'numeric');
  const [members, setMembers] = useState((entry?.members ?? []).join(', '));
  const [delta, setDelta] = useState(entry?.deltaPercent === null || entry === null ? '' : String(entry.deltaPercent));
  // A test the clinic adds names its molar mass; a shipped test's comes with the catalogue.
  const ownMolarMass = entry === null || entry.origin === 'clinic';
  const [molarMass, setMolarMass] = useState(entry?.molarMass ? String(entry.molarMass) : '');
  const [hidden, setHidden] = useState(entry?.hidden ?? false);
  const [ranges, setRanges] = useState<RangeRow[]>((entry?.ranges ?? []).map(rowOf));
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const invalidates = ['labs.catalogue.search', 'labs.catalogue.get'] as const;
  const add = useChannelMutation('labs.catalogue.add', { invalidates: [...invalidates] });
  const update = useChannelMutation('labs.catalogue.update', { invalidates: [...invalidates] });
  const isPanel = kind === 'panel';

  const save = async () => {
    setFailure(null);
    const fields = {
      name,
      unit: isPanel || valueType === 'text' ? null : unit,
      valueType: isPanel ? null : valueType,
      ranges: isPanel
        ? []
        : ranges.map((r) => ({
            sex: r.sex,
            ageFromDays: days(r.ageFrom),
            ageToDays: days(r.ageTo),
            low: num(r.low),
            high: num(r.high),
            criticalLow: num(r.criticalLow),
            criticalHigh: num(r.criticalHigh),
            source: r.source,
          })),
      members: isPanel
        ? members
            .split(/[,\s]+/)
            .map((m) => m.trim())
            .filter(Boolean)
        : [],
      deltaPercent: isPanel ? null : num(delta),
      molarMass: isPanel || valueType === 'text' ? null : ownMolarMass ? num(molarMass) : (entry?.molarMass ?? null),
    };
    try {
      const saved = entry
        ? await update.mutateAsync({ code: entry.code, version: entry.version, hidden, ...fields })
        : await add.mutateAsync({ code, kind, ...fields });
      onSaved(saved.name);
    } catch (error) {
      setFailure({ message: errorMessage(error), fields: fieldErrors(error) });
    }
  };
  const setRange = (n: number, patch: Partial<RangeRow>) =>
    setRanges((all) => all.map((r, i) => (i === n ? { ...r, ...patch } : r)));
  const err = (path: string) => failure?.fields[path];

  return (
    <Dialog
      open
      title={entry ? t('catalogue.editTitle', { name: entry.name }) : t('catalogue.addTitle')}
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            className="primary"
            onClick={() => void save()}
            disabled={add.isPending || update.isPending}
          >
            {t('catalogue.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('catalogue.close')}
          </button>
        </>
      }
    >
      {failure && <Notice tone="error">{failure.message}</Notice>}
      {entry?.loincName && <p className="lab-muted">{t('catalogue.loincName', { name: entry.loincName })}</p>}
      {!entry && (
        <>
          <TextField
            label={t('catalogue.code')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={err('code')}
          />
          <SelectField
            label={t('catalogue.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value === 'panel' ? 'panel' : 'test')}
            options={[
              { value: 'test', label: t('catalogue.kindTest') },
              { value: 'panel', label: t('catalogue.kindPanel') },
            ]}
          />
        </>
      )}
      <TextField
        label={t('catalogue.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={err('name')}
      />
      {isPanel ? (
        <TextField
          label={t('catalogue.members')}
          value={members}
          onChange={(e) => setMembers(e.target.value)}
          error={err('members') ?? Object.entries(failure?.fields ?? {}).find(([k]) => k.startsWith('members.'))?.[1]}
        />
      ) : (
        <>
          <SelectField
            label={t('catalogue.valueType')}
            value={valueType}
            onChange={(e) => setValueType(e.target.value === 'text' ? 'text' : 'numeric')}
            options={[
              { value: 'numeric', label: t('catalogue.numeric') },
              { value: 'text', label: t('catalogue.text') },
            ]}
          />
          {valueType === 'numeric' && (
            <>
              <TextField
                label={t('catalogue.unit')}
                value={unit}
                onChange={(e) => setUnit(e.target.value)}
                error={err('unit')}
              />
              {ownMolarMass ? (
                <TextField
                  label={t('catalogue.molarMass')}
                  hint={t('catalogue.molarMassHint')}
                  value={molarMass}
                  inputMode="decimal"
                  onChange={(e) => setMolarMass(e.target.value)}
                  error={err('molarMass')}
                />
              ) : (
                entry?.molarMass && (
                  <p className="lab-muted">{t('catalogue.molarMassShipped', { value: entry.molarMass })}</p>
                )
              )}
              <TextField
                label={t('catalogue.deltaPercent')}
                value={delta}
                inputMode="decimal"
                onChange={(e) => setDelta(e.target.value)}
                error={err('deltaPercent')}
              />
              <h4>{t('catalogue.ranges')}</h4>
              {ranges.length === 0 && <p className="lab-muted">{t('catalogue.noRanges')}</p>}
              {ranges.map((r, n) => {
                const i = n + 1;
                const f = (name: string) => err(`ranges.${n}.${name}`);
                return (
                  <fieldset className="lab-range-row" key={n}>
                    <legend>{t('catalogue.range', { n: i })}</legend>
                    <SelectField
                      label={t('catalogue.sex', { n: i })}
                      value={r.sex}
                      onChange={(e) => setRange(n, { sex: e.target.value as RangeRow['sex'] })}
                      options={[
                        { value: 'any', label: t('catalogue.sexAny') },
                        { value: 'male', label: t('catalogue.sexMale') },
                        { value: 'female', label: t('catalogue.sexFemale') },
                      ]}
                    />
                    <TextField
                      label={t('catalogue.ageFrom', { n: i })}
                      value={r.ageFrom}
                      onChange={(e) => setRange(n, { ageFrom: e.target.value })}
                      error={f('ageFromDays')}
                    />
                    <TextField
                      label={t('catalogue.ageTo', { n: i })}
                      value={r.ageTo}
                      onChange={(e) => setRange(n, { ageTo: e.target.value })}
                      error={f('ageToDays')}
                    />
                    <TextField
                      label={t('catalogue.low', { n: i })}
                      value={r.low}
                      onChange={(e) => setRange(n, { low: e.target.value })}
                      error={f('low')}
                    />
                    <TextField
                      label={t('catalogue.high', { n: i })}
                      value={r.high}
                      onChange={(e) => setRange(n, { high: e.target.value })}
                      error={f('high')}
                    />
                    <TextField
                      label={t('catalogue.criticalLow', { n: i })}
                      value={r.criticalLow}
                      onChange={(e) => setRange(n, { criticalLow: e.target.value })}
                      error={f('criticalLow')}
                    />
                    <TextField
                      label={t('catalogue.criticalHigh', { n: i })}
                      value={r.criticalHigh}
                      onChange={(e) => setRange(n, { criticalHigh: e.target.value })}
                      error={f('criticalHigh')}
                    />
                    <div className="lab-range-row__source">
                      <TextField
                        label={t('catalogue.source', { n: i })}
                        value={r.source}
                        onChange={(e) => setRange(n, { source: e.target.value })}
                        error={f('source')}
                      />
                    </div>
                    <button
                      type="button"
                      onClick={() => setRanges((all) => all.filter((_, k) => k !== n))}
                      aria-label={t('catalogue.removeRange', { n: i })}
                    >
                      ×
                    </button>
                  </fieldset>
                );
              })}
              <button type="button" onClick={() => setRanges((all) => [...all, EMPTY_RANGE])}>
                {t('catalogue.addRange')}
              </button>
            </>
          )}
        </>
      )}
      {entry && (
        <CheckboxField label={t('catalogue.hidden')} checked={hidden} onChange={(e) => setHidden(e.target.checked)} />
      )}
    </Dialog>
  );
}
