import type { ServiceContext } from '../context';
import { actorOf } from '../ipc/actor';
import type { HandlerRegistry } from '../ipc/handler-registry';
import { getClinicSettings, updateClinicSettings } from './settings-service';

export function registerSettingsHandlers(ctx: ServiceContext, registry: HandlerRegistry): void {
  registry
    .register('settings.get', () => getClinicSettings(ctx))
    .register('settings.update', (input, { actor }) => updateClinicSettings(ctx, input, actorOf(actor)));
}
