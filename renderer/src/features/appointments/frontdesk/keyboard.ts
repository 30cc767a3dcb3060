import type { KeyboardEvent } from 'react';
import { useSessionStore } from '../../../app/session-store';

/** True while a modal dialog is open or the screen is locked: the view's shortcuts must not act behind either. */
export function anyDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null || useSessionStore.getState().phase !== 'signed-in';
}

/**
 * Up and down arrows move the chosen row (outside dialogs, and not inside a <select>, where the
 * arrows choose an option). Returns the new row id, or undefined when the key was not for the list.
 */
export function moveSelection(
  e: KeyboardEvent,
  rows: readonly { id: string }[],
  currentId: string | null,
): string | undefined {
  if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || e.altKey || e.ctrlKey || e.metaKey || rows.length === 0)
    return undefined;
  const target = e.target as HTMLElement;
  if (target.closest('dialog') || target instanceof HTMLSelectElement) return undefined;
  e.preventDefault();
  const index = Math.max(
    0,
    rows.findIndex((r) => r.id === currentId),
  );
  const next = e.key === 'ArrowDown' ? Math.min(rows.length - 1, index + 1) : Math.max(0, index - 1);
  return rows[next]!.id;
}
