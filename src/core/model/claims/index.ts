/**
 * Every checkable statement of a document, extracted once while the model is built. Each
 * construct has one extractor here (`<kind>.ts`) and its wording in `grammar/`; rules only
 * compare the claims they are given (see CONTRIBUTING.md, "Adding a claim kind").
 */
import type { Claim } from '../schema';
import { changeExtractor } from './change';
import { blockCountExtractor, countExtractor } from './count';
import { documentClaims } from './document';
import { factorExtractor } from './factor';
import { milestoneClaims } from './milestone';
import { progressExtractor } from './progress';
import { ratioExtractor } from './ratio';
import { sprintClaims } from './sprint';
import { statusExtractor } from './status';
import { lineTotalClaims, paragraphLeadInClaims, totalClaims } from './total';
import type { ChunkExtractContext, ClaimDraft, ClaimExtractor, ExtractContext } from './types';
import { weekdayClaims } from './weekday';

/**
 * The registry. Claims are sorted by position afterwards; claims of one kind at the same place
 * keep the registry's order.
 */
export const EXTRACTORS: readonly ClaimExtractor[] = [
  changeExtractor,
  countExtractor,
  blockCountExtractor,
  documentClaims,
  factorExtractor,
  milestoneClaims,
  progressExtractor,
  ratioExtractor,
  sprintClaims,
  statusExtractor,
  // Before totalClaims: a paragraph's lead-in and a prose sum may state the same number.
  paragraphLeadInClaims,
  totalClaims,
  lineTotalClaims,
  weekdayClaims,
];

type ChunkExtractor = Extract<ClaimExtractor, { scope: 'chunk' }>;
const CHUNK_EXTRACTORS = EXTRACTORS.filter((x): x is ChunkExtractor => x.scope === 'chunk');

/** The claims of one chunk (see `ClaimExtractor`): what each chunk extractor finds in it, in the registry's order. */
export function extractChunkClaims(ctx: ChunkExtractContext): ClaimDraft[][] {
  return CHUNK_EXTRACTORS.map((x) => x.extract(ctx));
}

/**
 * Every claim of the document. `fromChunks(i)`: what the i-th chunk extractor found in the
 * document's chunks, in document order and positions, when the caller kept them per chunk;
 * without it, every extractor reads the whole document.
 */
export function extractClaims(ctx: ExtractContext, fromChunks?: (i: number) => readonly ClaimDraft[]): Claim[] {
  const drafts = EXTRACTORS.flatMap((x) => (x.scope === 'document' ? x.extract(ctx) : fromChunks ? fromChunks(CHUNK_EXTRACTORS.indexOf(x)) : x.extract(ctx)));
  drafts.sort((a, b) => a.range.offset - b.range.offset || a.range.endOffset - b.range.endOffset || a.kind.localeCompare(b.kind));
  return drafts.map((d, id) => ({ id, ...d }));
}
