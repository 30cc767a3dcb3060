import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation, useChannelQuery } from '../../../api/channel-hooks';
import { errorMessage, fieldErrors, type FieldErrors } from '../../../forms/field-errors';
import { FormDialog, Notice, SelectField, TextAreaField, TextField } from '../../../ui';
import {
  IMMUNIZATION_ROUTES,
  type CvxVaccine,
  type Immunization,
  type ImmunizationRoute,
} from '../../../../../shared/domain/immunization';

interface ImmunizationFormDialogProps {
  patientId: string;
  editing: Immunization | null;
  today: string;
  onClose(): void;
  onSaved(saved: Immunization): void;
}

const lastPart = (path: string) => path.split('.').pop() ?? path;

/**
 * Records a dose: the vaccine found in the CVX list by name or code (a native list box, so arrows
 * and type-ahead work), the day, dose number, lot, site, route, and whether it was given here.
 */
export function ImmunizationFormDialog({ patientId, editing, today, onClose, onSaved }: ImmunizationFormDialogProps) {
  const { t } = useTranslation('meds');
  const [search, setSearch] = useState('');
  const [vaccine, setVaccine] = useState<{ code: string; name: string } | null>(
    editing ? { code: editing.cvxCode, name: editing.vaccine } : null,
  );
  const [givenDate, setGivenDate] = useState(editing?.givenDate ?? today);
  const [doseNumber, setDoseNumber] = useState(editing?.doseNumber ? String(editing.doseNumber) : '');
  const [lot, setLot] = useState(editing?.lot ?? '');
  const [site, setSite] = useState(editing?.site ?? '');
  const [route, setRoute] = useState<ImmunizationRoute>(editing?.route ?? 'IM');
  const [givenHere, setGivenHere] = useState(editing ? editing.givenHere : true);
  const [note, setNote] = useState(editing?.note ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState('');
  const found = useChannelQuery('immunizations.searchVaccines', { text: search, limit: 20 }, { keepPrevious: true });
  const add = useChannelMutation('immunizations.add', { invalidates: ['immunizations.list'] });
  const update = useChannelMutation('immunizations.update', { invalidates: ['immunizations.list'] });
  const busy = add.isPending || update.isPending;
  const matches: CvxVaccine[] = found.data ?? [];

  const vaccineLabel = (v: CvxVaccine) =>
    `${v.shortName} (CVX ${v.code})${v.historicalOnly ? ` — ${t('imm.historicalOnly')}` : v.status === 'Non-US' ? ` — ${t('imm.nonUs')}` : ''}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    const dose = doseNumber.trim() === '' ? null : Number(doseNumber);
    if (dose !== null && !Number.isInteger(dose)) {
      setErrors({ doseNumber: t('imm.doseWhole') });
      return;
    }
    const immunization = {
      cvxCode: vaccine?.code ?? '',
      givenDate,
      doseNumber: dose,
      lot,
      site,
      route,
      givenHere,
      note,
    };
    try {
      const saved = editing
        ? await update.mutateAsync({ id: editing.id, version: editing.version, immunization })
        : await add.mutateAsync({ patientId, immunization });
      onSaved(saved);
    } catch (error) {
      setErrors(fieldErrors(error, lastPart));
      setAlert(errorMessage(error));
    }
  }

  return (
    <FormDialog
      title={editing ? t('imm.editTitle', { vaccine: editing.vaccine }) : t('imm.addTitle')}
      onClose={onClose}
      onSubmit={save}
      submitLabel={t('imm.save')}
      cancelLabel={t('cancel')}
      busy={busy}
      className="meds-form"
      primary
    >
      {alert && <Notice tone="error">{alert}</Notice>}
      <TextField
        label={t('imm.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        hint={t('imm.searchHint')}
        autoFocus
      />
      <SelectField
        label={t('imm.vaccine')}
        size={6}
        value={vaccine?.code ?? ''}
        onChange={(e) => {
          const chosen = matches.find((v) => v.code === e.target.value);
          if (chosen) setVaccine({ code: chosen.code, name: chosen.shortName });
        }}
        error={errors.cvxCode}
        options={[
          ...(vaccine && !matches.some((v) => v.code === vaccine.code)
            ? [{ value: vaccine.code, label: `${vaccine.name} (CVX ${vaccine.code})` }]
            : []),
          ...matches.map((v) => ({ value: v.code, label: vaccineLabel(v) })),
        ]}
      />
      <p className="imm-chosen" role="status">
        {vaccine ? t('imm.chosen', { vaccine: vaccine.name, code: vaccine.code }) : t('imm.noneChosen')}
      </p>
      <SelectField
        label={t('imm.where')}
        value={givenHere ? 'here' : 'elsewhere'}
        onChange={(e) => setGivenHere(e.target.value === 'here')}
        options={[
          { value: 'here', label: t('imm.givenHere') },
          { value: 'elsewhere', label: t('imm.givenElsewhere') },
        ]}
      />
      <TextField
        label={t('imm.givenDate')}
        type="date"
        max={today}
        value={givenDate}
        onChange={(e) => setGivenDate(e.target.value)}
        error={errors.givenDate}
      />
      <TextField
        label={t('imm.doseNumber')}
        inputMode="numeric"
        value={doseNumber}
        onChange={(e) => setDoseNumber(e.target.value)}
        error={errors.doseNumber}
      />
      <TextField label={t('imm.lot')} value={lot} onChange={(e) => setLot(e.target.value)} error={errors.lot} />
      <TextField label={t('imm.site')} value={site} onChange={(e) => setSite(e.target.value)} error={errors.site} />
      <SelectField
        label={t('imm.route')}
        value={route}
        onChange={(e) => setRoute(e.target.value as ImmunizationRoute)}
        error={errors.route}
        options={IMMUNIZATION_ROUTES.map((r) => ({ value: r, label: t(`imm.routes.${r || 'unknown'}`) }))}
      />
      <TextAreaField
        label={t('imm.note')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={errors.note}
      />
    </FormDialog>
  );
}
