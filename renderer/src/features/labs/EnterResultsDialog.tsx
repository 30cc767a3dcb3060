import { useState } from 'react';
import { LAB_RESULT_READS } from './lab-reads';
import { useTranslation } from 'react-i18next';
import type { LabOrderTestView } from '../../../../shared/domain/lab-order';
import { utcToZoned, zonedToUtcLenient } from '../../../../shared/zoned-time';
import { useChannelMutation } from '../../api/channel-hooks';
import { useClinicTimeZone } from '../../app/session-store';
import { errorMessage, fieldErrors } from '../../forms/field-errors';
import { Dialog, Notice, TextField } from '../../ui';

interface Row {
  value: string;
  unit: string;
  comment: string;
}

/**
 * Results typed from the lab's report for one ordered test or panel: a row per test with its value,
 * the unit it was measured in (the test's own unit unless changed) and a comment; when the sample
 * was taken. Saving again corrects the same report. Main converts, flags and checks.
 */
export function EnterResultsDialog({
  orderTest,
  labName,
  onClose,
}: {
  orderTest: LabOrderTestView;
  labName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('labs');
  const zone = useClinicTimeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const existing = orderTest.report;
  const taken = utcToZoned(existing?.observedAt ?? new Date(), zone);
  const [date, setDate] = useState(taken.date);
  const [time, setTime] = useState(taken.time);
  const [comment, setComment] = useState(existing?.comment ?? '');
  const [rows, setRows] = useState<Record<string, Row>>(() =>
    Object.fromEntries(
      orderTest.items.map((item) => {
        const r = existing?.results.find((x) => x.code === item.code);
        const value = r
          ? r.valueType === 'numeric' && r.valueNum !== null
            ? `${r.comparator ?? ''}${r.valueNum}`
            : r.valueText
          : '';
        return [item.code, { value, unit: '', comment: r?.comment ?? '' }];
      }),
    ),
  );
  const enter = useChannelMutation('labs.results.enter', { invalidates: [...LAB_RESULT_READS] });
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  const set = (code: string, patch: Partial<Row>) =>
    setRows((all) => ({ ...all, [code]: { ...all[code]!, ...patch } }));
  const save = async () => {
    setFailure(null);
    try {
      await enter.mutateAsync({
        orderTestId: orderTest.id,
        observedAt: zonedToUtcLenient(date, time, zone),
        performer: labName,
        comment,
        results: orderTest.items.map((item) => ({ code: item.code, ...rows[item.code]! })),
      });
      onClose();
    } catch (error) {
      setFailure({ message: errorMessage(error), fields: fieldErrors(error) });
    }
  };
  const fieldError = (n: number, name: string) => failure?.fields[`results.${n}.${name}`];

  return (
    <Dialog
      open
      title={t('enter.title', { name: orderTest.name })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="primary" onClick={() => void save()} disabled={enter.isPending}>
            {existing ? t('enter.saveCorrection') : t('enter.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('enter.cancel')}
          </button>
        </>
      }
    >
      {existing && <Notice tone="info">{t('enter.correcting')}</Notice>}
      {failure && <Notice tone="error">{failure.message}</Notice>}
      <div className="lab-enter__when">
        <TextField
          label={t('enter.date')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={failure?.fields.observedAt}
        />
        <TextField label={t('enter.time')} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
      </div>
      <table className="lab-enter">
        <caption>{t('enter.caption', { name: orderTest.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.test')}</th>
            <th scope="col">{t('results.value')}</th>
            <th scope="col">{t('results.unit')}</th>
            <th scope="col">{t('results.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {orderTest.items.map((item, n) => (
            <tr key={item.code}>
              <th scope="row">{item.name}</th>
              <td>
                <input
                  aria-label={t('enter.valueOf', { name: item.name })}
                  value={rows[item.code]!.value}
                  onChange={(e) => set(item.code, { value: e.target.value })}
                  aria-invalid={!!fieldError(n, 'value')}
                  inputMode={item.valueType === 'numeric' ? 'decimal' : 'text'}
                  autoComplete="off"
                />
                {fieldError(n, 'value') && <span className="field-error">{fieldError(n, 'value')}</span>}
              </td>
              <td>
                {item.valueType === 'numeric' ? (
                  <>
                    <input
                      aria-label={t('enter.unitOf', { name: item.name })}
                      placeholder={item.unit ?? ''}
                      value={rows[item.code]!.unit}
                      onChange={(e) => set(item.code, { unit: e.target.value })}
                      aria-invalid={!!fieldError(n, 'unit')}
                      size={12}
                      autoComplete="off"
                    />
                    {fieldError(n, 'unit') && <span className="field-error">{fieldError(n, 'unit')}</span>}
                  </>
                ) : null}
              </td>
              <td>
                <input
                  aria-label={t('enter.commentOf', { name: item.name })}
                  value={rows[item.code]!.comment}
                  onChange={(e) => set(item.code, { comment: e.target.value })}
                  autoComplete="off"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextField label={t('enter.reportComment')} value={comment} onChange={(e) => setComment(e.target.value)} />
    </Dialog>
  );
}
