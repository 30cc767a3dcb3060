import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, isChannelName, isEventName } from '../../../shared/channels';
import { CHANNELS, EVENTS } from '../../../shared/contract';

describe('shared/channels.ts (the preload allowlist)', () => {
  it('lists exactly the channels of shared/contract.ts', () => {
    expect(
      [...CHANNEL_NAMES].sort(),
      'The preload allowlist differs from the contract: update CHANNEL_NAMES in shared/channels.ts when you add or remove a channel.',
    ).toEqual([...CHANNELS].sort());
  });

  it('lists exactly the events of shared/contract.ts', () => {
    expect([...EVENT_NAMES].sort(), 'Update EVENT_NAMES in shared/channels.ts to match EVENTS.').toEqual(
      [...EVENTS].sort(),
    );
  });

  it('does not mistake inherited object keys for channels', () => {
    expect(isChannelName('constructor')).toBe(false);
    expect(isChannelName('hasOwnProperty')).toBe(false);
    expect(isEventName('__proto__')).toBe(false);
    expect(isChannelName('app.status')).toBe(true);
  });
});
