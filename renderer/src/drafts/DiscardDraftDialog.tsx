import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui';

interface DiscardDraftDialogProps {
  /** The question, e.g. "Discard your unfinished registration?" */
  title: string;
  /** The button that keeps the draft; "Keep draft" unless given. */
  keepLabel?: string;
  onKeep(): void;
  onDiscard(): void;
}

/** Discarding a draft loses what was typed, so it is asked once more; keeping is the default button. */
export function DiscardDraftDialog({ title, keepLabel, onKeep, onDiscard }: DiscardDraftDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open
      title={title}
      onClose={onKeep}
      actions={
        <>
          <button type="button" className="primary" onClick={onKeep} autoFocus>
            {keepLabel ?? t('drafts.keep')}
          </button>
          <button type="button" className="danger" onClick={onDiscard}>
            {t('drafts.discard')}
          </button>
        </>
      }
    >
      <p>{t('drafts.discardQuestion')}</p>
    </Dialog>
  );
}
