import type { ClaimExtractor } from './types';
export const factorExtractor: ClaimExtractor = { kinds: ['factor'], extract: () => [] };
