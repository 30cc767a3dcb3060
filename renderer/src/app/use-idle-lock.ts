import { useEffect } from 'react';
import { call } from '../api/client';
import { lockNow } from './session-actions';

const TOUCH_AT_MOST_EVERY_MS = 60_000;
const POINTER_MOVE_EVERY_MS = 1_000;

/**
 * Locks after `idleLockMinutes` without keyboard, pointer or wheel use. While the person is active,
 * tells main at most once a minute (session.touch) so main's own idle check agrees with the screen.
 * Settings changes reach here through refreshStatus, which updates the session's idleLockMinutes.
 * Time is read from Date.now(), not counted in timer ticks, so a laptop that slept past the limit
 * locks as soon as it wakes.
 */
export function useIdleLock(idleLockMinutes: number, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const idleMs = idleLockMinutes * 60_000;
    // Main locks once more than idleMs passed since its last call, so with a one-minute limit a
    // once-a-minute touch would arrive just too late: touch at least twice per idle period.
    const touchEveryMs = Math.min(TOUCH_AT_MOST_EVERY_MS, idleMs / 2);
    let lastActivity = Date.now();
    let lastTouch = lastActivity; // signing in or unlocking just counted as activity in main
    let lastMove = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const lock = () => {
      if (stopped) return;
      stopped = true;
      void lockNow();
    };
    const check = () => {
      clearTimeout(timer);
      const remaining = lastActivity + idleMs - Date.now();
      if (remaining <= 0) lock();
      else timer = setTimeout(check, remaining);
    };
    const onActivity = () => {
      const now = Date.now();
      if (now - lastActivity >= idleMs) {
        lock(); // the timer was late (sleep): the first touch after the limit must not unlock
        return;
      }
      lastActivity = now;
      if (now - lastTouch >= touchEveryMs) {
        lastTouch = now;
        // A locked or ended session is reported through onSessionError; nothing else to do here.
        call('session.touch', {}).catch(() => {});
      }
    };
    const onPointerMove = () => {
      const now = Date.now();
      if (now - lastMove < POINTER_MOVE_EVERY_MS) return;
      lastMove = now;
      onActivity();
    };

    const options = { capture: true, passive: true } as const;
    window.addEventListener('keydown', onActivity, options);
    window.addEventListener('pointerdown', onActivity, options);
    window.addEventListener('wheel', onActivity, options);
    window.addEventListener('pointermove', onPointerMove, options);
    window.addEventListener('focus', check);
    check();
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('keydown', onActivity, options);
      window.removeEventListener('pointerdown', onActivity, options);
      window.removeEventListener('wheel', onActivity, options);
      window.removeEventListener('pointermove', onPointerMove, options);
      window.removeEventListener('focus', check);
    };
  }, [idleLockMinutes, active]);
}
