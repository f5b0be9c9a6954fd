/** The contract between the model builder and one claim extractor. */
import type { LineIndex } from '../positions';
import type { Claim, ClaimKind, Evidence, Quantity, Range, StatusDoc } from '../schema';
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

/** A claim before the builder numbers it. */
export type ClaimDraft = Omit<Claim, 'id'>;

/** One extractor per construct: `model/claims/<kind>.ts`. It reads the model, never the rules. */
export interface ClaimExtractor {
  readonly kinds: readonly ClaimKind[];
  extract(ctx: ExtractContext): ClaimDraft[];
}

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
