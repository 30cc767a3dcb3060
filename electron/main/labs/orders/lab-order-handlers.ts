import type { ServiceContext } from '../../context';
import type { HandlerRegistry } from '../../ipc/handler-registry';

/** Channels of shared/lab-contract/orders.ts. */
export function registerLabOrderHandlers(_ctx: ServiceContext, _registry: HandlerRegistry): void {}
