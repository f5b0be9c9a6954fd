/**
 * One error, one finding. When one wrong number is stated in several places — the weighted
 * TOTAL row of a table and the "Overall Progress" headlines that repeat its value — each rule
 * reports the claim it checks, and a reader sees the same error three times. Findings are the
 * same error when their claims state the same number, their fixes put the same number in its
 * place, and they rest on the same evidence (a cell both read, or one claim standing inside the
 * table the other computes from). Such findings fold into one: the root, with the others as
 * related locations, and one fix that corrects them all, so the document is consistent after it.
 *
 * The root is the claim the others' evidence contains (the TOTAL row lies in the table the
 * headline computes from); between equals, the first in the document. The folded claims keep
 * their `wrong` verdict. Pure: it reads only the findings and their claims.
 */
import type { Edit, Finding, Related } from './findings';
import type { Claim, Range } from './model/schema';
import { pushAll } from './collections';

export interface Fold {
  /** The folded finding and the claim it reports. */
  root: Finding;
  rootClaim: Claim;
  echo: Finding;
}

interface Member {
  finding: Finding;
  claim: Claim;
  /** The number the fix writes in place of the stated one, normalized. */
  expected: string;
}

/**
 * Folds findings that report the same wrong number. Returns the findings left (roots extended,
 * echoes removed, the order otherwise kept) and what was folded into what.
 */
export function foldEchoes(findings: readonly Finding[], claimOf: ReadonlyMap<Finding, Claim>): { findings: Finding[]; folds: Fold[] } {
  const members: Member[] = [];
  for (const finding of findings) {
    const claim = claimOf.get(finding);
    const expected = claim && expectedOf(finding, claim);
    if (claim && expected !== null && expected !== undefined) members.push({ finding, claim, expected });
  }
  if (members.length < 2) return { findings: [...findings], folds: [] };

  // Union-find over members that are the same error; the groups are its connected parts.
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byValue = new Map<string, number[]>();
  members.forEach((m, i) => {
    const key = `${m.claim.stated!.value}|${m.claim.stated!.of}|${m.claim.stated!.unit}|${m.expected}`;
    const list = byValue.get(key);
    if (list) list.push(i);
    else byValue.set(key, [i]);
  });
  for (const list of byValue.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (sameEvidence(members[list[a]!]!.claim, members[list[b]!]!.claim)) parent[find(list[b]!)] = find(list[a]!);
      }
    }
  }
  const groups = new Map<number, Member[]>();
  members.forEach((m, i) => {
    const g = groups.get(find(i));
    if (g) g.push(m);
    else groups.set(find(i), [m]);
  });

  const folds: Fold[] = [];
  const removed = new Set<Finding>();
  const replaced = new Map<Finding, Finding>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const root = rootOf(group);
    const echoes: Member[] = [];
    const edits: Edit[] = [...root.finding.fix!.edits];
    for (const m of group) {
      if (m === root) continue;
      const fresh = m.finding.fix!.edits.filter((e) => !edits.some((x) => sameEdit(x, e)));
      if (fresh.some((e) => edits.some((x) => overlaps(x, e)))) continue; // cannot be one fix: stays a finding of its own
      pushAll(edits, fresh);
      echoes.push(m);
    }
    if (!echoes.length) continue;
    const folded = fold(root, echoes, edits);
    replaced.set(root.finding, folded);
    for (const e of echoes) {
      removed.add(e.finding);
      folds.push({ root: folded, rootClaim: root.claim, echo: e.finding });
    }
  }
  if (!folds.length) return { findings: [...findings], folds };
  return { findings: findings.filter((f) => !removed.has(f)).map((f) => replaced.get(f) ?? f), folds };
}

/** The stated value's replacement in the finding's fix, with `+`, spaces and trailing decimal zeros left out. */
function expectedOf(finding: Finding, claim: Claim): string | null {
  const q = claim.stated;
  if (!q || !finding.fix) return null;
  const edit = finding.fix.edits.find((e) => e.line === q.range.line && e.column === q.range.column);
  if (!edit) return null;
  let t = edit.text.trim();
  if (t.startsWith('+')) t = t.slice(1);
  const sep = Math.max(t.lastIndexOf('.'), t.lastIndexOf(','));
  if (sep >= 0 && t.length - sep - 1 !== 3) {
    let end = t.length;
    while (end > sep + 1 && t[end - 1] === '0') end--;
    t = end === sep + 1 ? t.slice(0, sep) : t.slice(0, end);
  }
  return t === '' ? null : t;
}

const inside = (inner: Range, outer: Range) => outer.offset <= inner.offset && inner.endOffset <= outer.endOffset;
const same = (a: Range, b: Range) => a.offset === b.offset && a.endOffset === b.endOffset;

/** Claims about the same figure: they read a cell in common, or one stands inside the other's evidence. */
function sameEvidence(a: Claim, b: Claim): boolean {
  if (same(a.range, b.range)) return false; // one statement read twice is not a repetition
  if (a.evidence.some((e) => inside(b.range, e.range)) || b.evidence.some((e) => inside(a.range, e.range))) return true;
  return a.evidence.some((x) => b.evidence.some((y) => same(x.range, y.range)));
}

/** The member the others' evidence contains (a TOTAL row inside the table a headline computes from), else the first. */
function rootOf(group: readonly Member[]): Member {
  const contained = group.filter((m) => group.some((o) => o !== m && o.claim.evidence.some((e) => inside(m.claim.range, e.range))));
  const pool = contained.length ? contained : group;
  return pool.reduce((a, b) => (b.claim.range.offset < a.claim.range.offset ? b : a));
}

const key = (e: Edit) => [e.line, e.column, e.endLine, e.endColumn] as const;
function sameEdit(a: Edit, b: Edit): boolean {
  return key(a).every((v, i) => v === key(b)[i]) && a.text === b.text;
}
function overlaps(a: Edit, b: Edit): boolean {
  const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 <= c2);
  const aEndsBeforeB = before(a.endLine, a.endColumn, b.line, b.column);
  const bEndsBeforeA = before(b.endLine, b.endColumn, a.line, a.column);
  return !(aEndsBeforeB || bEndsBeforeA) || (a.line === b.line && a.column === b.column);
}

/** `6`, `6 and 381`, `6, 120 and 381`. */
function lineList(lines: readonly number[]): string {
  const ls = [...new Set(lines)].sort((a, b) => a - b).map(String);
  return ls.length <= 1 ? ls.join('') : `${ls.slice(0, -1).join(', ')} and ${ls[ls.length - 1]}`;
}

function stated(claim: Claim): string {
  const q = claim.stated!;
  return `${q.text.trim()}${q.unit === '%' && !q.text.includes('%') ? '%' : ''}`;
}

function fold(root: Member, echoes: readonly Member[], edits: Edit[]): Finding {
  // "Overall Progress on lines 6 and 381 repeats it": echoes named by their subject, in document order.
  const bySubject = new Map<string, number[]>();
  for (const e of [...echoes].sort((a, b) => a.claim.range.offset - b.claim.range.offset)) {
    const list = bySubject.get(e.claim.subject);
    if (list) list.push(e.finding.line);
    else bySubject.set(e.claim.subject, [e.finding.line]);
  }
  const names = [...bySubject].map(([subject, lines]) => `${subject} on line${lines.length > 1 ? 's' : ''} ${lineList(lines)}`);
  const who = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const verb = names.length === 1 ? 'repeats' : 'repeat';
  const message = `${root.finding.message.replace(/\.$/, '')}; ${who} ${verb} it.`;
  const value = stated(root.claim);
  const related: Related[] = [
    ...echoes.map((e) => ({
      line: e.finding.line, column: e.finding.column, endLine: e.finding.endLine, endColumn: e.finding.endColumn,
      message: `${e.claim.subject} repeats ${value}; the fix corrects it too`,
    })),
    ...(root.finding.related ?? []),
  ];
  const places = echoes.length === 1 ? 'the place that repeats it' : `the ${echoes.length} places that repeat it`;
  const detail = `${root.finding.detail ? `${root.finding.detail} ` : ''}The same ${value} is stated on line${echoes.length > 1 ? 's' : ''} ${lineList(echoes.map((e) => e.finding.line))}: one error, reported once here; the fix corrects every place.`;
  return {
    ...root.finding,
    message,
    related,
    detail,
    fix: { ...root.finding.fix!, title: `${root.finding.fix!.title} and ${places}`, edits },
  };
}
