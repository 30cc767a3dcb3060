import growthLms from '../../../../resources/growth/growth-lms.json';
import type { LmsTables } from '../../../../shared/domain/growth';

/**
 * CDC's LMS tables (resources/growth/SOURCE.md: CDC NCHS, US public domain), bundled into the core
 * at build time like resources/cvx: about 48 KB, nothing read from disk at run time.
 */
export const CDC_GROWTH_TABLES = growthLms as unknown as LmsTables;
