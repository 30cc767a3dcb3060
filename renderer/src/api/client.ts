import type { Channel, ChannelInput, ChannelOutput, ChartbookBridge, AppEvent } from '../../../shared/contract';
import type { AppErrorData, ErrorCode, Result } from '../../../shared/errors';

/** An error main returned as data: a code for code, a message for people, field details for forms. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.fields = data.fields ?? {};
  }
}

function bridge(): ChartbookBridge {
  const b = (window as unknown as { chartbook?: ChartbookBridge }).chartbook;
  if (!b) throw new Error('Chartbook bridge missing: the app must run inside its shell or the test harness.');
  return b;
}

type Listener = (code: ErrorCode, message: string) => void;
const errorListeners = new Set<Listener>();

/** Lets the session store react when any call finds the session locked, ended, or waiting for a new password. */
export function onSessionError(listener: Listener): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

const SESSION_CODES: ReadonlySet<ErrorCode> = new Set([
  'SESSION_LOCKED',
  'UNAUTHENTICATED',
  'PASSWORD_CHANGE_REQUIRED',
]);

/** The one way the renderer talks to main: typed by the shared contract. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = (await bridge().invoke(channel, input)) as Result<ChannelOutput<C>>;
  if (result.ok) return result.value;
  if (SESSION_CODES.has(result.error.code)) {
    errorListeners.forEach((l) => l(result.error.code, result.error.message));
  }
  throw new ApiError(result.error);
}

export function onAppEvent(event: AppEvent, listener: (payload: unknown) => void): () => void {
  return bridge().on(event, listener);
}
