import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { CoreSession as Session, RunningApp } from '../harness/app-harness';

/** Calls main the way the renderer does, failing the test with main's own refusal (code, message, fields). */
export async function dispatchOk<C extends Channel>(
  app: RunningApp,
  session: Session,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await app.core.dispatch(session, channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C>;
}
