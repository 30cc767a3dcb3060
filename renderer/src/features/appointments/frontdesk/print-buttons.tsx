import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { PrintPreviewDialog } from './PrintPreviewDialog';
import { useDoctors } from './use-doctors';
import type { ClinicSettings } from '../../../../../shared/domain/settings';

/** Print actions other screens place next to a day or an appointment. */
export function PrintDayListButton({ providerId, date }: { providerId: string; date: string }) {
  const { t } = useTranslation('frontdesk');
  const [open, setOpen] = useState(false);
  // The day view shows one button per doctor; the doctor's name tells them apart for screen readers.
  const doctor = useDoctors().doctors.find((d) => d.providerId === providerId)?.displayName;
  const label = doctor ? t('print.dayListFor', { doctor }) : undefined;
  const load = useCallback(() => call('print.dayList', { providerId, date }), [providerId, date]);
  const toPrinter = useCallback(
    () => call('print.toPrinter', { kind: 'dayList', providerId, date }),
    [providerId, date],
  );
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={label}>
        {t('print.dayList')}
      </button>
      <PrintPreviewDialog
        open={open}
        title={t('print.previewTitleDayList')}
        load={load}
        toPrinter={toPrinter}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

export function PrintSlipButton({ appointmentId, label }: { appointmentId: string; label?: string }) {
  const { t } = useTranslation('frontdesk');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={label}>
        {t('print.slip')}
      </button>
      <SlipPreview appointmentId={appointmentId} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** The slip's preview on its own, for views that open it from a keyboard shortcut. */
export function SlipPreview({
  appointmentId,
  open,
  onClose,
}: {
  appointmentId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('frontdesk');
  const load = useCallback(() => call('print.slip', { appointmentId }), [appointmentId]);
  const toPrinter = useCallback(() => call('print.toPrinter', { kind: 'slip', appointmentId }), [appointmentId]);
  // A slip prints on its own small page (issue 12, point 7).
  const slipPage = useCallback(
    (s: ClinicSettings) =>
      s.slipSize === 'PAPER' ? (s.paperSize === 'LETTER' ? 'Letter' : s.paperSize) : t(`print.slipPage.${s.slipSize}`),
    [t],
  );
  return (
    <PrintPreviewDialog
      open={open}
      title={t('print.previewTitleSlip')}
      load={load}
      pageOf={slipPage}
      toPrinter={toPrinter}
      onClose={onClose}
    />
  );
}
