import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { PrintPreviewDialog } from '../../appointments/frontdesk/PrintPreviewDialog';

/** "Print summary" on a visit: the visit summary PDF to preview, print through the system dialog, or save. */
export function PrintVisitSummaryButton({ visitId, label }: { visitId: string; label: string }) {
  const { t } = useTranslation('visits');
  const [open, setOpen] = useState(false);
  const load = useCallback(() => call('print.visitSummary', { visitId }), [visitId]);
  const toPrinter = useCallback(() => call('print.visitSummaryToPrinter', { visitId }), [visitId]);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={t('summary.printFor', { visit: label })}>
        {t('summary.print')}
      </button>
      <PrintPreviewDialog
        open={open}
        title={t('summary.previewTitle')}
        load={load}
        toPrinter={toPrinter}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
