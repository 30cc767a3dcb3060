import type { MenuItemConstructorOptions } from 'electron';

/** Commands the menu sends to the renderer as a 'menu.command' event; the renderer acts on them. */
export const MENU_COMMANDS = ['focus-search', 'new-patient', 'lock', 'shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface MenuOptions {
  isMac: boolean;
  /** Reload and developer tools are for development builds only. */
  isDevelopment: boolean;
  /** Sends the command to the window that owns the menu click (the focused one). */
  send(command: MenuCommand, window: unknown): void;
}

/**
 * Standard roles (so copy, paste, undo and quit behave as on every other app) plus Chartbook's
 * commands. The commands show their shortcut but do not register it (registerAccelerator: false):
 * the renderer handles those keys itself (use-shell-shortcuts.ts), so a screen that uses a key
 * first still wins and the keys work the same in the Chromium harness.
 */
export function appMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: (_item, window) => options.send(name, window),
  });
  const viewItems: MenuItemConstructorOptions[] = [
    ...(options.isDevelopment
      ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        command('Find patient…', 'focus-search', 'CmdOrCtrl+K'),
        command('Register new patient…', 'new-patient', 'CmdOrCtrl+Shift+N'),
        { type: 'separator' },
        command('Lock Chartbook', 'lock', 'CmdOrCtrl+L'),
        ...(options.isMac ? [] : ([{ type: 'separator' }, { role: 'quit' }] as MenuItemConstructorOptions[])),
      ],
    },
    { role: 'editMenu' },
    { label: '&View', submenu: viewItems },
    { role: 'windowMenu' },
    { role: 'help', submenu: [command('Keyboard shortcuts', 'shortcuts', 'F1')] },
  ];
}
