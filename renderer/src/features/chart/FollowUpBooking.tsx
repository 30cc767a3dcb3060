import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../shared/zoned-time';
import { todayIn } from '../../../../shared/dates';
import type { Patient } from '../../../../shared/domain/patient';
import { useSessionStore } from '../../app/session-store';
import { Notice } from '../../ui';
import { BookingDialog } from '../appointments/book/BookingDialog';
import { useBookSetup } from '../appointments/book/use-book-setup';

/** How far ahead a follow-up is offered: the doctor changes the date in the dialog. */
const FOLLOW_UP_DAYS = 7;

/**
 * "Book follow-up" on the chart: the booking dialog with this patient already chosen, the doctor
 * signed in (when they see patients) and a date a week ahead. Its draft is kept per patient, so an
 * unfinished follow-up never turns up in another patient's chart or in the book's own dialog.
 */
export function FollowUpBooking({ patient }: { patient: Patient }) {
  const { t } = useTranslation('chart');
  const me = useSessionStore((s) => s.session?.userId ?? '');
  const { setup, error } = useBookSetup();
  const [open, setOpen] = useState(false);
  const [booked, setBooked] = useState<string | null>(null);

  const providerId = setup?.providers.find((p) => p.providerId === me)?.providerId ?? setup?.providers[0]?.providerId;
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setBooked(null);
          setOpen(true);
        }}
        disabled={!setup || !providerId}
      >
        {t('followUp.book')}
      </button>
      {error && <Notice tone="error">{error}</Notice>}
      {booked && <Notice tone="success">{booked}</Notice>}
      {open && setup && providerId && (
        <BookingDialog
          draftKey={`followup:${patient.id}`}
          prefill={{
            providerId,
            date: addDays(todayIn(setup.timeZone), FOLLOW_UP_DAYS),
            time: '',
            patient: { id: patient.id, name: `${patient.givenNames} ${patient.familyName}`.trim(), mrn: patient.mrn },
            reason: t('followUp.reason'),
          }}
          providers={setup.providers}
          timeZone={setup.timeZone}
          onClose={() => setOpen(false)}
          onBooked={(message) => {
            setOpen(false);
            setBooked(message);
          }}
        />
      )}
    </>
  );
}
