import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../../shared/errors';
import { INVOKE_CHANNEL } from '../../preload/ipc-names';
import { isTrustedSender } from './trusted-sender';

export interface InvokeRouting {
  /** The core's dispatch (core-thread/core-client.ts), for the session of the sending window. */
  dispatch(session: string, channel: string, input: unknown): Promise<Result<unknown>>;
  /** The core session of a window we created, or undefined for any other webContents. */
  sessionFor(webContentsId: number): string | undefined;
  log?: (message: string) => void;
}

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Chartbook window and was refused.' },
};

type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: Pick<IpcMainInvokeEvent['sender'], 'id'> };

/**
 * The one IPC entry point. The sender is checked here, in main, before anything else; then the
 * call goes to the core thread, whose dispatcher (the very one the e2e harness uses) validates the
 * input, the session and the role.
 */
export function handleInvoke(
  routing: InvokeRouting,
  event: InvokeEvent,
  channel: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  const session = routing.sessionFor(event.sender.id);
  const frame = event.senderFrame;
  const trusted = isTrustedSender({
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
    fromOurWindow: session !== undefined,
  });
  if (!trusted || session === undefined) {
    routing.log?.(`Refused IPC ${String(channel).slice(0, 60)} from ${frame?.url ?? 'a destroyed frame'}`);
    return Promise.resolve(REFUSED);
  }
  return routing.dispatch(session, typeof channel === 'string' ? channel : String(channel), input);
}

export function registerInvokeHandler(ipcMain: Pick<IpcMain, 'handle'>, routing: InvokeRouting): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) =>
    handleInvoke(routing, event, channel, input),
  );
}
