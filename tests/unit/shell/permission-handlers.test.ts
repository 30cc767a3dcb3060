import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { denyAllPermissions } from '../../../electron/main/shell/permission-handlers';

type RequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type CheckHandler = (webContents: unknown, permission: string, origin: string, details: unknown) => boolean;

describe('permission handlers', () => {
  const installed: { request?: RequestHandler; check?: CheckHandler } = {};
  const fakeSession = {
    setPermissionRequestHandler: (handler: RequestHandler) => (installed.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (installed.check = handler),
  };
  denyAllPermissions(fakeSession as unknown as Session);

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'denies a request for %s',
    (permission) => {
      const answers: boolean[] = [];
      installed.request!({}, permission, (granted) => answers.push(granted), {
        requestingUrl: 'app://chartbook/index.html',
      });
      expect(answers).toEqual([false]);
    },
  );

  it.each(['media', 'geolocation', 'hid', 'serial', 'usb'])(
    'answers no to a check for %s, even from the app',
    (permission) => {
      expect(installed.check!({}, permission, 'app://chartbook', {})).toBe(false);
    },
  );
});
