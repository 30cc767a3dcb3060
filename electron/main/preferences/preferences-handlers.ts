import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { PreferencesService } from './preferences-service';

export function registerPreferencesHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  const preferences = new PreferencesService(ctx);
  registry
    .register('preferences.get', (_input, { actor }) => preferences.get(actorOf(actor)))
    .register('preferences.set', (input, { actor }) => preferences.set(input, actorOf(actor)));
}
