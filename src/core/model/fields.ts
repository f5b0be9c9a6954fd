/** Field names: what a `**Key**: value` line means, independent of how it is spelled. */

const CANONICAL: [RegExp, string][] = [
  [/^(?:overall |project |current |document )?(?:status|state|estado|statut|状态|狀態|상태|ステータス|статус|trạng thái)$/, 'status'],
  [/^(?:overall|total|project|global) (?:progress|completion|complete|score)$|^overall$|^(?:progress|completion|% complete|percent complete|completion rate|progreso|progression|avancement|进度|總進度|总进度|진행률|прогресс)$|^(?:gesamtfortschritt|fortschritt|progresso|progresso geral|progreso general|progreso global|progression globale|avancement global|avanzamento|общий прогресс|总体进度|整体进度|全体進捗|전체 진행률)$/, 'overall-progress'],
  [/^(?:last updated|last update|updated|last modified|date updated|report generated|generated|updated on|last reviewed|mis à jour|actualizado|更新日期|最后更新|最終更新|업데이트)$/, 'last-updated'],
  [/^(?:start date|start|started|kickoff|start on|date de début|fecha de inicio|开始日期|開始日)$/, 'start-date'],
  [/^(?:end date|end|finish date|completion date|ends|date de fin|fecha de fin|结束日期|終了日)$/, 'end-date'],
  [/^(?:target date|target|due date|due|deadline|eta|target completion|scheduled|scheduled for|planned date|échéance|fecha objetivo|截止日期|期限)$/, 'target-date'],
  [/^(?:date|report date|fecha|日期|날짜|дата)$/, 'date'],
  [/^(?:duration|durée|duración|工期|期間)$/, 'duration'],
  [/^(?:sprint id|sprint)$/, 'sprint-id'],
  [/^(?:phase|current phase|fase)$/, 'phase'],
  [/^(?:when)$/, 'when'],
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
