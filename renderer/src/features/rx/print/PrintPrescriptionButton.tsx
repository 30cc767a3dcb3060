import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useSessionStore } from '../../../app/session-store';
import { mayUse } from '../../../../../shared/contract';
import { PrintPreviewDialog } from '../../appointments/frontdesk/PrintPreviewDialog';
import type { ClinicSettings } from '../../../../../shared/domain/settings';

/** A prescription prints on its own paper (A5 or A4 from settings), not the clinic's general paper size. */
const prescriptionPaper = (settings: ClinicSettings) => settings.prescriptionPaperSize;

interface PrintPrescriptionButtonProps {
  prescriptionId: string;
  /** The prescription's number ("RX-20260310-AB12CD"), for the button's accessible name. */
  number: string | null;
  /** Only a signed (or cancelled) prescription prints; a draft shows no button. */
  status: 'draft' | 'signed' | 'cancelled';
}

/**
 * "Print prescription" on a signed prescription: the PDF as it will print (the clinic's paper and
 * printout language), then the system print dialog or Save as PDF. Main marks every print after the
 * first as a COPY and audits each one. Shown only to those who may call print.prescription (doctors).
 */
export function PrintPrescriptionButton({ prescriptionId, number, status }: PrintPrescriptionButtonProps) {
  const { t } = useTranslation('rxprint');
  const roles = useSessionStore((s) => s.session?.roles ?? []);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => call('print.prescription', { prescriptionId }), [prescriptionId]);
  const toPrinter = useCallback(() => call('print.prescriptionToPrinter', { prescriptionId }), [prescriptionId]);
  if (status === 'draft' || !mayUse('print.prescription', roles)) return null;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={number ? t('printFor', { number }) : t('print')}>
        {t('print')}
      </button>
      <PrintPreviewDialog
        open={open}
        title={status === 'cancelled' ? t('previewTitleCancelled') : t('previewTitle')}
        load={load}
        pageOf={prescriptionPaper}
        toPrinter={toPrinter}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
