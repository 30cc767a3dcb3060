import type { Channel } from '../../../../shared/contract';

/** Reads that show accounts: the users list, and the doctors (providers.list) that book and hours offer. */
export const USER_READS = ['users.list', 'providers.list'] as const satisfies readonly Channel[];
