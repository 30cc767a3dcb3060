import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui';

export type Scope = 'this' | 'following';

/** For an appointment in a series: change only this one, or this and the later ones. */
export function ScopeField({
  value,
  onChange,
  error,
}: {
  value: Scope;
  onChange(scope: Scope): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('appointments');
  return (
    <SelectField
      label={t('details.scope')}
      value={value}
      error={error}
      options={[
        { value: 'this', label: t('details.scopeThis') },
        { value: 'following', label: t('details.scopeFollowing') },
      ]}
      onChange={(e) => onChange(e.target.value as Scope)}
    />
  );
}
