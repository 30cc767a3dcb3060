import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../ui';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/domain/audit';
import type { User } from '../../../../shared/domain/user';
import { auditActionLabel } from './audit-labels';
import { AuditPatientFilter } from './AuditPatientFilter';

/** Filters as the form holds them: '' means "any". */
export interface AuditFilterForm {
  from: string;
  to: string;
  userId: string;
  action: AuditAction | '';
  patientId: string;
  /** How the chosen patient is shown (name and MRN, or the MRN alone); not sent to main. */
  patientLabel: string;
}

export const NO_AUDIT_FILTERS: AuditFilterForm = {
  from: '',
  to: '',
  userId: '',
  action: '',
  patientId: '',
  patientLabel: '',
};

interface AuditFiltersProps {
  value: AuditFilterForm;
  onChange(value: AuditFilterForm): void;
  users: User[];
  errors: Record<string, string>;
}

export function AuditFilters({ value, onChange, users, errors }: AuditFiltersProps) {
  const { t } = useTranslation('admin');
  const set = <K extends keyof AuditFilterForm>(key: K, v: AuditFilterForm[K]) => onChange({ ...value, [key]: v });
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(t, a) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  return (
    <form
      className="admin-audit-filters"
      aria-label={t('audit.filters')}
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      <TextField
        label={t('audit.from')}
        type="date"
        value={value.from}
        onChange={(e) => set('from', e.target.value)}
        error={errors.from}
      />
      <TextField
        label={t('audit.to')}
        type="date"
        value={value.to}
        onChange={(e) => set('to', e.target.value)}
        error={errors.to}
      />
      <SelectField
        label={t('audit.user')}
        value={value.userId}
        onChange={(e) => set('userId', e.target.value)}
        error={errors.userId}
        options={[
          { value: '', label: t('audit.allUsers') },
          ...users.map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` })),
        ]}
      />
      <SelectField
        label={t('audit.action')}
        value={value.action}
        onChange={(e) => set('action', e.target.value as AuditFilterForm['action'])}
        error={errors.action}
        options={[{ value: '', label: t('audit.allActions') }, ...actions]}
      />
      <AuditPatientFilter
        patientId={value.patientId}
        patientLabel={value.patientLabel}
        onChoose={(patientId, patientLabel) => onChange({ ...value, patientId, patientLabel })}
        error={errors.patientId}
      />
      <div className="admin-audit-filters__clear">
        <button type="button" onClick={() => onChange(NO_AUDIT_FILTERS)}>
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
