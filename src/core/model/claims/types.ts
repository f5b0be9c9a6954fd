/** The contract between the model builder and one claim extractor. */
import type { LineIndex } from '../positions';
import type { Claim, ClaimKind, Evidence, Quantity, Range, Section, StatusDoc } from '../schema';
import type { Scans } from '../scans';
import type { Vocabulary } from '../vocabulary';

export interface ExtractContext {
  /** The model so far: everything but `claims`. */
  readonly doc: Readonly<StatusDoc>;
  readonly text: string;
  readonly lines: LineIndex;
  readonly vocabulary: Vocabulary;
  /** Pattern matches per text (remembered across analyses by the editor's checker). */
  readonly scans: Scans;
}

/**
 * What a chunk's extractor reads: the parts one chunk of the document decides on its own text
 * (see `ChunkParts`), and its sections without what depends on the rest of the document (parent,
 * roll-ups, status). A section's `range` runs to the next heading of the same or a higher level
 * or to the end of the text read, so it may end earlier than in the document.
 */
export interface ChunkDoc {
  readonly blocks: StatusDoc['blocks'];
  readonly numbers: StatusDoc['numbers'];
  readonly tasks: StatusDoc['tasks'];
  readonly lists: StatusDoc['lists'];
  readonly tables: StatusDoc['tables'];
  readonly fields: StatusDoc['fields'];
  readonly scores: StatusDoc['scores'];
  readonly sections: readonly Pick<Section, 'index' | 'title' | 'level' | 'headingRange' | 'range'>[];
}

/** The context of a chunk's extractor: `doc` is one chunk (or the whole document), `text` its text. */
export interface ChunkExtractContext extends Omit<ExtractContext, 'doc'> {
  readonly doc: ChunkDoc;
}

/** A claim before the builder numbers it. */
export type ClaimDraft = Omit<Claim, 'id'>;

/**
 * One extractor per construct: `model/claims/<kind>.ts`. It reads the model, never the rules.
 * A `chunk` extractor reads one chunk at a time: every claim it finds in a document is one it
 * finds in the chunk that holds it, read alone (its lines, blocks and tables; its own headings
 * for `section`). The editor's checker keeps those claims with the chunk's other parts, so an
 * edit reads again only the edited chunk's. A `document` extractor reads the whole model on
 * every analysis.
 */
export type ClaimExtractor =
  | { readonly kinds: readonly ClaimKind[]; readonly scope: 'document'; extract(ctx: ExtractContext): ClaimDraft[] }
  | { readonly kinds: readonly ClaimKind[]; readonly scope: 'chunk'; extract(ctx: ChunkExtractContext): ClaimDraft[] };

/** A draft with the defaults filled in, so extractors name only what they know. */
export function draft(
  kind: ClaimKind,
  form: string,
  fields: Partial<Omit<ClaimDraft, 'kind' | 'form'>> & { range: Range },
): ClaimDraft {
  return {
    kind,
    form,
    subject: fields.subject ?? '',
    range: fields.range,
    statement: fields.statement ?? fields.range,
    stated: fields.stated ?? null,
    status: fields.status ?? null,
    date: fields.date ?? null,
    evidence: fields.evidence ?? [],
    data: fields.data ?? {},
    section: fields.section ?? null,
    unchecked: fields.unchecked ?? null,
  };
}

export function evidence(role: string, label: string, range: Range, rest: Partial<Omit<Evidence, 'role' | 'label' | 'range'>> = {}): Evidence {
  return {
    role,
    label,
    range,
    quantity: rest.quantity ?? null,
    status: rest.status ?? null,
    date: rest.date ?? null,
    group: rest.group ?? null,
  };
}

export type { Quantity };
