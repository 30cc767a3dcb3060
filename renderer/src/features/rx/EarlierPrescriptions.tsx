import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { useDateFormat } from '../../format/use-date-format';

type Summary = ChannelOutput<'prescriptions.list'>[number];

/**
 * The patient's other prescriptions, newest first, in the visit's pad: number, state, date, doctor
 * and medicines; Open shows one in the pad (to print it, cancel it or change it).
 */
export function EarlierPrescriptions({
  prescriptions,
  currentId,
  onOpen,
}: {
  prescriptions: readonly Summary[];
  currentId: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation('rx');
  const format = useDateFormat();
  const others = prescriptions.filter((p) => p.id !== currentId);
  return (
    <section className="rx-earlier" aria-labelledby="rx-earlier-title">
      <h5 id="rx-earlier-title">{t('earlier.title')}</h5>
      {others.length === 0 ? (
        <p>{t('earlier.none')}</p>
      ) : (
        <ul aria-labelledby="rx-earlier-title">
          {others.map((p) => {
            const name = p.number ?? t('earlier.draft');
            return (
              <li key={p.id}>
                <strong>{name}</strong> · {t(`earlier.status.${p.status}`)} ·{' '}
                {format.dateTime(p.signedAt ?? p.createdAt)} · {p.doctorName}
                {p.itemNames.length > 0 && <span>: {p.itemNames.join(', ')}</span>}{' '}
                <button type="button" aria-label={t('earlier.openFor', { name })} onClick={() => onOpen(p.id)}>
                  {t('earlier.open')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
