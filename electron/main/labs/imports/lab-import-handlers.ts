import type { ServiceContext } from '../../context';
import type { HandlerRegistry } from '../../ipc/handler-registry';

/** Channels of shared/lab-contract/imports.ts. */
export function registerLabImportHandlers(_ctx: ServiceContext, _registry: HandlerRegistry): void {}
