/**
 * Every checkable statement of a document, extracted once while the model is built. Each
 * construct has one extractor here (`<kind>.ts`) and its wording in `grammar/`; rules only
 * compare the claims they are given (see CONTRIBUTING.md, "Adding a claim kind").
 */
import type { Claim } from '../schema';
import { changeExtractor } from './change';
import { countExtractor } from './count';
import { documentClaims } from './document';
import { factorExtractor } from './factor';
import { milestoneClaims } from './milestone';
import { progressExtractor } from './progress';
import { ratioExtractor } from './ratio';
import { sprintClaims } from './sprint';
import { statusExtractor } from './status';
import { totalClaims } from './total';
import type { ChunkExtractContext, ClaimDraft, ClaimExtractor, ExtractContext } from './types';
import { weekdayClaims } from './weekday';

/** The registry, in no particular order: claims are sorted by position afterwards. */
export const EXTRACTORS: readonly ClaimExtractor[] = [
  changeExtractor,
  countExtractor,
  documentClaims,
  factorExtractor,
  milestoneClaims,
  progressExtractor,
  ratioExtractor,
  sprintClaims,
  statusExtractor,
  totalClaims,
  weekdayClaims,
];

/** The claims of one chunk (see `ClaimExtractor`): what the chunk extractors find in it. */
export function extractChunkClaims(ctx: ChunkExtractContext): ClaimDraft[] {
  return EXTRACTORS.flatMap((x) => (x.scope === 'chunk' ? x.extract(ctx) : []));
}

/**
 * Every claim of the document. `chunkDrafts`: what the chunk extractors found in the document's
 * chunks (moved to the document's positions), when the caller kept them per chunk; without it,
 * every extractor reads the whole document.
 */
export function extractClaims(ctx: ExtractContext, chunkDrafts?: readonly ClaimDraft[]): Claim[] {
  const drafts = chunkDrafts
    ? [...chunkDrafts, ...EXTRACTORS.flatMap((x) => (x.scope === 'document' ? x.extract(ctx) : []))]
    : EXTRACTORS.flatMap((x) => x.extract(ctx));
  drafts.sort((a, b) => a.range.offset - b.range.offset || a.range.endOffset - b.range.endOffset || a.kind.localeCompare(b.kind));
  return drafts.map((d, id) => ({ id, ...d }));
}
