import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate, MENU_COMMANDS } from '../../../electron/main/shell/app-menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  const send = vi.fn();
  const linux = flatten(appMenuTemplate({ isMac: false, isDevelopment: false, send }));

  it('has the standard edit, window and quit roles', () => {
    const roles = linux.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit', 'help']));
  });

  it.each([
    ['Find patient…', 'focus-search', 'CmdOrCtrl+K'],
    ['Register new patient…', 'new-patient', 'CmdOrCtrl+Shift+N'],
    ['Lock Chartbook', 'lock', 'CmdOrCtrl+L'],
    ['Keyboard shortcuts', 'shortcuts', 'F1'],
  ])('"%s" sends %s and shows %s', (label, command, accelerator) => {
    const item = linux.find((i) => i.label === label)!;
    expect(item.accelerator).toBe(accelerator);
    // The renderer owns the keys; the menu only shows them (see app-menu.ts).
    expect(item.registerAccelerator).toBe(false);
    const window = {};
    (item.click as (menuItem: unknown, window: unknown) => void)({}, window);
    expect(send).toHaveBeenLastCalledWith(command, window);
  });

  it('offers every command the renderer understands', () => {
    expect([...MENU_COMMANDS].sort()).toEqual(['focus-search', 'lock', 'new-patient', 'shortcuts']);
  });

  it('hides reload and developer tools in the installed app', () => {
    expect(linux.map((i) => i.role)).not.toContain('toggleDevTools');
    const dev = flatten(appMenuTemplate({ isMac: false, isDevelopment: true, send }));
    expect(dev.map((i) => i.role)).toContain('toggleDevTools');
  });

  it('uses the macOS app menu for quit on a Mac', () => {
    const mac = flatten(appMenuTemplate({ isMac: true, isDevelopment: false, send }));
    expect(mac[0]!.role).toBe('appMenu');
    expect(mac.map((i) => i.role)).not.toContain('quit');
  });
});
