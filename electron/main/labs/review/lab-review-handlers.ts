import type { ServiceContext } from '../../context';
import type { HandlerRegistry } from '../../ipc/handler-registry';

/** Channels of shared/lab-contract/review.ts. */
export function registerLabReviewHandlers(_ctx: ServiceContext, _registry: HandlerRegistry): void {}
