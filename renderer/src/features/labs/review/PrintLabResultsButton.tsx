import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { PrintPreviewDialog } from '../../appointments/frontdesk/PrintPreviewDialog';

/** Prints the chosen reports of one patient: preview, print through the system dialog, or save as PDF. */
export function PrintLabResultsButton({
  patientId,
  reportIds,
  label,
}: {
  patientId: string;
  reportIds: readonly string[];
  label: string;
}) {
  const { t } = useTranslation('labreview');
  const [open, setOpen] = useState(false);
  // The ids as text: a new array with the same reports keeps the same loaders.
  const key = reportIds.join(',');
  const ids = useMemo(() => (key ? key.split(',') : []), [key]);
  const load = useCallback(() => call('print.labResults', { patientId, reportIds: ids }), [patientId, ids]);
  const toPrinter = useCallback(
    () => call('print.labResultsToPrinter', { patientId, reportIds: ids }),
    [patientId, ids],
  );
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={reportIds.length === 0}>
        {label}
      </button>
      <PrintPreviewDialog
        open={open}
        title={t('panel.previewTitle')}
        load={load}
        toPrinter={toPrinter}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
