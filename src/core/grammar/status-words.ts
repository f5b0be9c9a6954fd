/**
 * The status words as data, one block per language: what says done, in progress, planned,
 * blocked or at risk in a status cell, a heading, a field or a sentence. `model/vocabulary.ts`
 * merges the blocks (and their mojibake forms) into one vocabulary.
 *
 * Negated and partial forms (`não concluído`, `nicht abgeschlossen`, `未完成`) are listed as
 * in progress: they start before the done word they contain, so the earliest match wins.
 * Words that are also common in prose with another meaning stay out (`hecho` in `de hecho`,
 * `fatto`, `fait`, `延迟` = latency, `予定日` = due date).
 */
import type { StatusValue } from '../model/schema';

export type StatusKey = Exclude<StatusValue, 'unknown'>;
export type StatusWords = Partial<Record<StatusKey, readonly string[]>>;

export const LANGUAGES = ['en', 'pt', 'es', 'fr', 'de', 'it', 'ru', 'uk', 'zh', 'ja', 'ko', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

export const STATUS_WORDS_BY_LANGUAGE: Readonly<Record<Language, StatusWords>> = {
  en: {
    done: ['complete', 'completed', 'completed early', 'done', 'shipped', 'finished', 'delivered', 'closed', 'resolved', 'implemented'],
    'in-progress': [
      'in progress', 'in-progress', 'ongoing', 'wip', 'work in progress', 'underway', 'partially complete', 'partial', 'partially',
      'in review', 'in development', 'in testing', 'incomplete', 'not complete', 'not completed', 'not done', 'not finished',
    ],
    planned: ['planned', 'to do', 'todo', 'to-do', 'tbd', 'not started', 'pending', 'scheduled', 'backlog', 'upcoming', 'projected', 'proposed', 'queued', 'on hold'],
    blocked: ['blocked', 'failed', 'failing', 'broken'],
    'at-risk': ['at risk', 'at-risk', 'delayed', 'behind schedule', 'overdue', 'slipping'],
  },
  pt: {
    done: ['concluído', 'concluída', 'concluídos', 'concluídas', 'concluido', 'concluida', 'completo', 'completa', 'completos', 'completas', 'finalizado', 'finalizada', 'entregue'],
    'in-progress': [
      'em andamento', 'em progresso', 'em desenvolvimento', 'em curso', 'em revisão', 'em teste', 'em testes', 'parcial', 'parcialmente',
      'incompleto', 'incompleta', 'não concluído', 'não concluída', 'não concluido', 'não finalizado', 'nao concluido',
    ],
    planned: ['planejado', 'planejada', 'pendente', 'não iniciado', 'não iniciada', 'agendado', 'a fazer'],
    blocked: ['bloqueado', 'bloqueada'],
    'at-risk': ['em risco', 'atrasado', 'atrasada'],
  },
  es: {
    done: ['completado', 'completada', 'completados', 'completadas', 'terminado', 'terminada', 'finalizada', 'entregado', 'entregada'],
    'in-progress': ['en progreso', 'en curso', 'en desarrollo', 'en revisión', 'en pruebas', 'incompleto', 'incompleta', 'no completado', 'no completada', 'no terminado'],
    planned: ['planificado', 'planificada', 'planeado', 'planeada', 'pendiente', 'programado', 'programada', 'por hacer', 'sin empezar', 'sin iniciar', 'no iniciado'],
    blocked: ['bloqueado', 'bloqueada'],
    'at-risk': ['en riesgo', 'retrasado', 'retrasada'],
  },
  fr: {
    done: ['terminé', 'terminée', 'terminés', 'terminées', 'achevé', 'achevée', 'fini', 'finie', 'complété', 'complétée', 'livré', 'livrée'],
    'in-progress': ['en cours', 'en développement', 'en test', 'en recette', 'partiel', 'partielle', 'inachevé', 'inachevée', 'non terminé', 'non terminée', 'pas terminé'],
    planned: ['prévu', 'prévue', 'planifié', 'planifiée', 'à faire', 'pas commencé', 'non commencé', 'non démarré', 'en attente'],
    blocked: ['bloqué', 'bloquée'],
    'at-risk': ['en retard', 'à risque'],
  },
  de: {
    done: ['erledigt', 'abgeschlossen', 'fertig', 'fertiggestellt'],
    'in-progress': [
      'in arbeit', 'in bearbeitung', 'in entwicklung', 'in umsetzung', 'in prüfung', 'teilweise', 'unvollständig',
      'nicht abgeschlossen', 'nicht erledigt', 'nicht fertig',
    ],
    planned: ['geplant', 'offen', 'ausstehend', 'nicht begonnen', 'nicht gestartet', 'vorgesehen'],
    blocked: ['blockiert'],
    'at-risk': ['gefährdet', 'verzögert', 'verspätet', 'im verzug'],
  },
  it: {
    done: ['completato', 'completata', 'completati', 'completate', 'terminato', 'terminata', 'concluso', 'conclusa', 'finito', 'finita'],
    'in-progress': ['in corso', 'in lavorazione', 'in sviluppo', 'parziale', 'incompleto', 'non completato', 'non completata', 'non terminato'],
    planned: ['pianificato', 'pianificata', 'da fare', 'non iniziato', 'in attesa'],
    blocked: ['bloccato', 'bloccata'],
    'at-risk': ['a rischio', 'in ritardo'],
  },
  ru: {
    done: ['завершено', 'завершён', 'завершен', 'завершена', 'выполнено', 'выполнен', 'выполнена', 'готово', 'сделано', 'закрыто'],
    'in-progress': ['в процессе', 'в работе', 'в разработке', 'частично', 'не завершено', 'не выполнено', 'не готово', 'не сделано'],
    planned: ['запланировано', 'запланирован', 'запланирована', 'планируется', 'не начато', 'не начат'],
    blocked: ['заблокировано', 'заблокирован'],
    'at-risk': ['под угрозой', 'задерживается', 'просрочено'],
  },
  uk: {
    done: ['виконано', 'зроблено', 'завершено', 'готово'],
    'in-progress': ['в роботі', 'у роботі', 'в процесі', 'у процесі', 'в розробці', 'не завершено', 'не виконано'],
    planned: ['заплановано', 'не розпочато'],
    blocked: ['заблоковано'],
    'at-risk': ['під загрозою', 'прострочено'],
  },
  zh: {
    done: ['完成', '已完成', '已交付', '已上线', '已解决', '已关闭'],
    'in-progress': ['进行中', '开发中', '处理中', '测试中', '未完成', '部分完成'],
    planned: ['计划', '计划中', '待办', '未开始', '待开始', '规划中'],
    blocked: ['阻塞', '受阻'],
    'at-risk': ['有风险', '已延期'],
  },
  ja: {
    done: ['完了', '対応済み', '実装済み'],
    'in-progress': ['進行中', '対応中', '開発中', '作業中', '未完了'],
    planned: ['未着手', '計画中'],
    'at-risk': ['遅延'],
  },
  ko: {
    done: ['완료', '완료됨'],
    'in-progress': ['진행 중', '진행중', '작업 중', '개발 중', '미완료'],
    planned: ['예정', '미착수'],
    blocked: ['차단'],
    'at-risk': ['지연'],
  },
  vi: {
    done: ['hoàn thành'],
    'in-progress': ['đang thực hiện', 'chưa hoàn thành'],
  },
};

/** Marks that carry a status in any language. */
export const STATUS_MARKS: Readonly<StatusWords> = {
  done: ['✅', '✔️', '✔', '☑️', '☑', '🟢', '[x]'],
  'in-progress': ['🚧', '🟡', '⏳', '🔄', '🏗️', '🔨', '🔶'],
  planned: ['📋', '📅', '🔲', '⬜', '⬜️', '☐', '[ ]', '⏸️', '⏸'],
  blocked: ['❌', '🔴', '⛔', '🛑', '🚫'],
  'at-risk': ['⚠️', '⚠', '🟠'],
};

/**
 * Done words that also grade progress: after a percentage below 100 (`40% complete`,
 * `80 % concluído`, `60% 完成`) they say in progress.
 */
export const PROGRESS_DONE_WORDS: readonly string[] = [
  'complete', 'completed', 'completo', 'completa', 'completado', 'completada', 'concluído', 'concluída', 'concluido',
  'terminé', 'terminée', 'abgeschlossen', 'erledigt', 'fertig', 'completato', 'completata', 'завершено', 'выполнено', 'готово',
  '完成', '已完成', '完了', '완료', 'done', 'finished',
];
