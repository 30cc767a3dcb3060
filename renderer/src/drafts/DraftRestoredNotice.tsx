import { useState } from 'react';
import { Notice } from '../ui';
import { DiscardDraftDialog } from './DiscardDraftDialog';

interface DraftRestoredNoticeProps {
  /** "Your unfinished registration from 10:42 was restored." */
  message: string;
  /** The button's name, e.g. "Discard draft". */
  discardLabel: string;
  /** The confirmation's question. */
  confirmTitle: string;
  onDiscard(): void;
}

/** Says a draft was restored, with a discard that asks first. */
export function DraftRestoredNotice({ message, discardLabel, confirmTitle, onDiscard }: DraftRestoredNoticeProps) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Notice tone="info">
        <span>{message}</span>{' '}
        <button type="button" onClick={() => setAsking(true)}>
          {discardLabel}
        </button>
      </Notice>
      {asking && (
        <DiscardDraftDialog
          title={confirmTitle}
          onKeep={() => setAsking(false)}
          onDiscard={() => {
            setAsking(false);
            onDiscard();
          }}
        />
      )}
    </>
  );
}
