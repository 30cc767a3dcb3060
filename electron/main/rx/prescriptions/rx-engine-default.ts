import type { ServiceContext } from '../../context';
import { NO_ENGINE, type RxEngine } from './rx-engine';

/** The catalogue and safety engine the app uses (wired to rx-catalogue's engine once merged). */
export function rxEngine(_ctx: ServiceContext): RxEngine {
  return NO_ENGINE;
}
