import { useEffect } from 'react';
import { onAppEvent } from '../api/client';
import { isShellCommand, runShellCommand, type ShellCommand } from './shell-commands';

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** "/" and "?" are ordinary characters while someone is typing; only then do they stay characters. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

export function commandForKey(e: KeyboardEvent): ShellCommand | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (ctrl && !e.shiftKey && key === 'l') return 'lock';
  if (ctrl && !e.shiftKey && key === 'k') return 'focus-search';
  if (ctrl && e.shiftKey && key === 'n') return 'new-patient';
  if (!ctrl && key === 'F1') return 'shortcuts';
  if (!ctrl && !isTyping(e.target)) {
    if (key === '/') return 'focus-search';
    if (key === '?') return 'shortcuts';
  }
  return null;
}

/** Global keyboard shortcuts, and the same commands from the Electron menu ('menu.command'). */
export function useShellShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      // A screen that handled the key itself wins, except for locking, which must always work.
      if (!command || (e.defaultPrevented && command !== 'lock')) return;
      e.preventDefault();
      runShellCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    const offMenu = onAppEvent('menu.command', (payload) => {
      if (isShellCommand(payload)) runShellCommand(payload);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      offMenu();
    };
  }, []);
}
