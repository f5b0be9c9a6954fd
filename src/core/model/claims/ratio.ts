import type { ClaimExtractor } from './types';
export const ratioExtractor: ClaimExtractor = { kinds: ['ratio'], extract: () => [] };
