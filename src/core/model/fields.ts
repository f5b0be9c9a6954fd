/** Field names: what a `**Key**: value` line means, independent of how it is spelled. */

const CANONICAL: [RegExp, string][] = [
  [/^(?:overall |project |current |document )?(?:status|state|estado|statut|stato|状态|狀態|상태|ステータス|статус|trạng thái)$/, 'status'],
  [/^(?:overall|total|project|global) (?:progress|completion|complete|score)$|^overall$|^(?:progress|completion|% complete|percent complete|completion rate|progreso|progression|avancement|进度|總進度|总进度|진행률|прогресс)$|^(?:gesamtfortschritt|fortschritt|progresso|progresso geral|progreso general|progreso global|progression globale|avancement global|avanzamento|общий прогресс|总体进度|整体进度|全体進捗|전체 진행률)$/, 'overall-progress'],
  [/^(?:last updated|last update|updated|last modified|date updated|report generated|generated|updated on|last reviewed|mis à jour|actualizado|更新日期|最后更新|最終更新|업데이트)$/, 'last-updated'],
  [/^(?:start date|start|started|kickoff|start on|date de début|fecha de inicio|开始日期|開始日)$/, 'start-date'],
  [/^(?:end date|end|finish date|completion date|ends|date de fin|fecha de fin|结束日期|終了日)$/, 'end-date'],
  [/^(?:target date|target|due date|due|deadline|eta|target completion|scheduled|scheduled for|planned date|échéance|fecha objetivo|截止日期|期限)$/, 'target-date'],
  [/^(?:date|report date|fecha|日期|日付|날짜|дата)$/, 'date'],
  [/^(?:duration|durée|duración|工期|期間)$/, 'duration'],
  [/^(?:sprint id|sprint)$/, 'sprint-id'],
  [/^(?:phase|current phase|fase)$/, 'phase'],
  [/^(?:when)$/, 'when'],
  // Date fields in other languages (the time rules read them).
  [/^(?:data de in[ií]cio|in[ií]cio|fecha de comienzo|comienzo|startdatum|beginn|début|data di inizio|дата начала|начало|开始时间)$/, 'start-date'],
  [/^(?:data de t[ée]rmino|data de fim|data final|t[ée]rmino|fecha de t[ée]rmino|fecha final|fin|enddatum|ende|data di fine|дата окончания|дата завершения|окончание|结束时间)$/, 'end-date'],
  [/^(?:(?:revised|new|updated) (?:target date|due date|deadline|eta)|prazo|data prevista|data alvo|nova data|fecha l[ií]mite|fecha prevista|fecha objetivo revisada|nueva fecha|zieltermin|termin|f[äa]llig(?: am)?|frist|date cible|date limite|nouvelle échéance|scadenza|срок|дедлайн|целевая дата|новый срок|目标日期|截止时间)$/, 'target-date'],
];

/** Names that mark a plain `Key: value` line as a field (prose lines are not fields). */
export const PLAIN_FIELD_NAMES = new Set(CANONICAL.map(([, name]) => name));

export function canonicalFieldName(key: string): string {
  const k = key
    .toLowerCase()
    .replace(/[^\p{L}\p{N}% ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, name] of CANONICAL) if (re.test(k)) return name;
  return k;
}

/** What the field matchers return: the shape of a `d`-flag RegExp match, for the groups used. */
export interface FieldMatch {
  groups?: { [name: string]: string };
  indices?: { groups?: { [name: string]: [number, number] } };
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
/** Characters `.` does not match. */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * The opening `**`/`__`, the key (up to 60 characters) and the closing delimiter of a bold
 * field, with an optional colon inside. One pattern per delimiter: the delimiter is decided by
 * the first characters of the line, and without a backreference the checker can decide both.
 */
const BOLD_HEAD = [
  /^(?<lead>\s*)(?<o>\*\*)(?<key>[^*_\n:]{1,60}?)\s*(?:(?<c1>:)\s*)?\*\*/d,
  /^(?<lead>\s*)(?<o>__)(?<key>[^*_\n:]{1,60}?)\s*(?:(?<c1>:)\s*)?__/d,
];

/**
 * `**Key**: value`, `**Key:** value`: the same matches as
 * `/^(?<lead>\s*)(?<o>\*\*|__)(?<key>[^*_\n:]{1,60}?)\s*(?<c1>:?)\s*\k<o>\s*(?<c2>:?)(?<value>.*)$/d`
 * in linear time (that pattern retries every split of a long whitespace run between its
 * adjacent `\s*`). The head ends at the first `*`/`_` after the key whichever split is taken,
 * so the tail is scanned once: whitespace, an optional colon, then a value without line breaks.
 */
export function matchBoldField(src: string): FieldMatch | null {
  for (const re of BOLD_HEAD) {
    const m = re.exec(src);
    if (!m) continue;
    let i = m.index + m[0].length;
    while (isSpace(src[i])) i++;
    const c2 = src[i] === ':' ? ':' : '';
    if (c2) i++;
    const value = src.slice(i);
    if (LINE_TERMINATOR.test(value)) return null;
    return {
      groups: { ...m.groups!, c1: m.groups!.c1 ?? '', c2, value },
      indices: { groups: { key: m.indices!.groups!.key!, value: [i, src.length] } },
    };
  }
  return null;
}

/**
 * A front matter line `key: value`: the same matches as
 * `/^(?<key>[A-Za-z_][\w -]*?)\s*:\s*(?<value>.*?)\s*$/d` in linear time. The key ends before
 * the first colon (less trailing whitespace, at least one character); the value is the rest
 * without surrounding whitespace and must hold no line break.
 */
export function matchFrontMatterLine(line: string): FieldMatch | null {
  const colon = line.indexOf(':');
  if (colon < 1) return null;
  let ke = colon;
  while (ke > 1 && isSpace(line[ke - 1])) ke--;
  const key = line.slice(0, ke);
  if (!/^[A-Za-z_][\w -]*$/.test(key)) return null;
  let vs = colon + 1;
  while (isSpace(line[vs])) vs++;
  let ve = line.length;
  while (ve > vs && isSpace(line[ve - 1])) ve--;
  const value = line.slice(vs, ve);
  if (LINE_TERMINATOR.test(value)) return null;
  return { groups: { key, value }, indices: { groups: { key: [0, ke], value: [vs, ve] } } };
}
