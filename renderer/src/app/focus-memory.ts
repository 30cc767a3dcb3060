/**
 * Remembers which control had focus when the screen locked, so unlocking puts the cursor back in
 * the very field the person was typing in.
 */
let remembered: HTMLElement | null = null;

export function rememberFocus(): void {
  const active = document.activeElement;
  remembered = active instanceof HTMLElement && active !== document.body ? active : null;
}

export function restoreFocus(): void {
  const element = remembered;
  remembered = null;
  if (element?.isConnected) element.focus();
}
