import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_SYSTEMS, type UnitSystem } from '../../../../../shared/domain/vitals';

/** Metric or US units, as two radio buttons (arrow keys move between them). */
export function UnitsSwitch({ units, onChange }: { units: UnitSystem; onChange(units: UnitSystem): void }) {
  const { t } = useTranslation('vitals');
  const name = useId();
  return (
    <fieldset className="vitals-units">
      <legend>{t('units')}</legend>
      {UNIT_SYSTEMS.map((system) => (
        <label key={system}>
          <input type="radio" name={name} value={system} checked={units === system} onChange={() => onChange(system)} />{' '}
          {t(system)}
        </label>
      ))}
    </fieldset>
  );
}
