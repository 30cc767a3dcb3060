import type { Channel, ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { Actor } from '../context';
import type { Session } from './session';

export interface CallContext {
  session: Session;
  /** Set for every channel that is not public. */
  actor: Actor | null;
}

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  call: CallContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type HandlerMap = { [C in Channel]?: Handler<C> };

/** One registry of named handlers; registering a channel twice is a programming error. */
export class HandlerRegistry {
  private readonly handlers: HandlerMap = {};

  register<C extends Channel>(channel: C, handler: Handler<C>): this {
    if (this.handlers[channel]) throw new Error(`IPC handler registered twice: ${channel}`);
    (this.handlers as Record<string, unknown>)[channel] = handler;
    return this;
  }

  get<C extends Channel>(channel: C): Handler<C> | undefined {
    return this.handlers[channel] as Handler<C> | undefined;
  }

  channels(): Channel[] {
    return Object.keys(this.handlers) as Channel[];
  }
}
