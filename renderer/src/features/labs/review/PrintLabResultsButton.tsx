import { useCallback, useState } from 'react';
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
  const key = reportIds.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids' text is the dependency
  const load = useCallback(() => call('print.labResults', { patientId, reportIds: [...reportIds] }), [patientId, key]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids' text is the dependency
  const toPrinter = useCallback(
    () => call('print.labResultsToPrinter', { patientId, reportIds: [...reportIds] }),
    [patientId, key],
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
