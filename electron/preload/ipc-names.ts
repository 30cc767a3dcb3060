/**
 * The two Electron IPC channels between preload and main. Every contract call travels on
 * INVOKE_CHANNEL with its contract channel name as the first argument; every event main pushes
 * travels on EVENT_CHANNEL with its event name first. Main imports these from here so the two
 * sides cannot disagree.
 */
export const INVOKE_CHANNEL = 'chartbook:invoke';
export const EVENT_CHANNEL = 'chartbook:event';
