// Drafts of forms, kept per person in main's database (never in the browser profile): see
// docs/ARCHITECTURE.md, "Drafts".
export { useDraftAutosave, DRAFT_DELAY_MS, type DraftAutosave } from './use-draft-autosave';
export { useStoredDraft, type StoredDraft } from './use-stored-draft';
export { flushAllDrafts, beforeDraftsAreRead } from './draft-flush';
export { DraftRestoredNotice } from './DraftRestoredNotice';
export { DiscardDraftDialog } from './DiscardDraftDialog';
