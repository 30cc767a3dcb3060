import type { Session } from 'electron';

/**
 * Chartbook needs no camera, microphone, location, notifications, MIDI, USB or the like, so every
 * permission a page asks for or checks is refused. The app never prompts for one.
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
