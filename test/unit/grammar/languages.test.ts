/**
 * Statements in each language the analyzer reads, right and wrong, checked end to end (parse,
 * model, rules): a ratio, a status against its checklist, a milestone's date against its status,
 * a Total row, the document's own date. Each language's words (status, field names, dates, the
 * total label) fill the same statements, so a gap in one language's vocabulary shows as a row.
 */
import assert from 'node:assert/strict';
import { check } from '../../../src/core/index';
import { detectLanguage } from '../../../src/core/model/language';

const TODAY = '2026-11-22';

interface Words {
  /** A sentence of prose, so that the document reads as the language. */
  prose: string;
  status: string;
  done: string;
  wip: string;
  updated: string;
  milestone: string;
  date: string;
  total: string;
  tests: string;
  /** 2026-11-20 and 2025-03-03 as the language writes them in words. */
  recent: string;
  old: string;
  /** 2026-01-15 and 2026-12-15, for the milestone table. */
  past: string;
  future: string;
}

const LANGS: Record<string, Words> = {
  pt: { prose: 'A equipe está trabalhando nas tarefas do lançamento e não há bloqueios para os usuários.', status: 'Status', done: 'Concluído', wip: 'Em andamento', updated: 'Última Atualização', milestone: 'Marco', date: 'Data', total: 'Total', tests: 'testes', recent: '20 de novembro de 2026', old: '3 de março de 2025', past: '15 de janeiro de 2026', future: '15 de dezembro de 2026' },
  es: { prose: 'El equipo trabaja en las tareas del lanzamiento y los usuarios ya tienen acceso al módulo.', status: 'Estado', done: 'Completado', wip: 'En progreso', updated: 'Última actualización', milestone: 'Hito', date: 'Fecha', total: 'Total', tests: 'pruebas', recent: '20 de noviembre de 2026', old: '3 de marzo de 2025', past: '15 de enero de 2026', future: '15 de diciembre de 2026' },
  fr: { prose: 'Les tâches restantes sont prévues pour la semaine prochaine et le module est en test avec les équipes.', status: 'Statut', done: 'Terminé', wip: 'En cours', updated: 'Dernière mise à jour', milestone: 'Jalon', date: 'Date', total: 'Total', tests: 'tests', recent: '20 novembre 2026', old: '3 mars 2025', past: '15 janvier 2026', future: '15 décembre 2026' },
  de: { prose: 'Die Aufgaben für das Release sind fast erledigt und der Meilenstein ist nicht gefährdet.', status: 'Status', done: 'Abgeschlossen', wip: 'In Arbeit', updated: 'Letzte Aktualisierung', milestone: 'Meilenstein', date: 'Datum', total: 'Gesamt', tests: 'Tests', recent: '20. November 2026', old: '3. März 2025', past: '15. Januar 2026', future: '15. Dezember 2026' },
  it: { prose: 'Il team lavora alle attività della release e gli utenti sono già nel nuovo sistema, anche se non tutte sono pronte.', status: 'Stato', done: 'Completato', wip: 'In corso', updated: 'Ultimo aggiornamento', milestone: 'Traguardo', date: 'Data', total: 'Totale', tests: 'test', recent: '20 novembre 2026', old: '3 marzo 2025', past: '15 gennaio 2026', future: '15 dicembre 2026' },
  ru: { prose: 'Команда завершает задачи релиза, и все основные этапы уже выполнены по плану.', status: 'Статус', done: 'Завершено', wip: 'В работе', updated: 'Последнее обновление', milestone: 'Этап', date: 'Дата', total: 'Итого', tests: 'тестов', recent: '20 ноября 2026', old: '3 марта 2025', past: '15 января 2026', future: '15 декабря 2026' },
  uk: { prose: 'Команда завершує завдання релізу, і всі основні етапи вже виконані згідно з планом, що дуже добре.', status: 'Статус', done: 'Виконано', wip: 'В роботі', updated: 'Останнє оновлення', milestone: 'Етап', date: 'Дата', total: 'Всього', tests: 'тестів', recent: '20 листопада 2026', old: '3 березня 2025', past: '15 січня 2026', future: '15 грудня 2026' },
  zh: { prose: '团队正在完成发布的最后任务，所有主要阶段都已按计划完成。', status: '状态', done: '已完成', wip: '进行中', updated: '最后更新', milestone: '里程碑', date: '日期', total: '合计', tests: '个测试', recent: '2026年11月20日', old: '2025年3月3日', past: '2026年1月15日', future: '2026年12月15日' },
  ja: { prose: 'チームはリリースの最後のタスクを進めており、主要な段階はすべて計画どおりに完了しています。', status: 'ステータス', done: '完了', wip: '進行中', updated: '最終更新', milestone: 'マイルストーン', date: '日付', total: '合計', tests: '件のテスト', recent: '2026年11月20日', old: '2025年3月3日', past: '2026年1月15日', future: '2026年12月15日' },
  ko: { prose: '팀은 릴리스의 마지막 작업을 진행하고 있으며 주요 단계는 모두 계획대로 완료되었습니다.', status: '상태', done: '완료', wip: '진행 중', updated: '최종 업데이트', milestone: '마일스톤', date: '날짜', total: '총계', tests: '테스트', recent: '2026년 11월 20일', old: '2025년 3월 3일', past: '2026년 1월 15일', future: '2026년 12월 15일' },
};

/** [name, document, rule, wrong?]: with `wrong`, the rule reports the statement; without, it does not. */
type Row = [string, string, string, boolean];

function rows(w: Words): Row[] {
  const head = (updated = w.recent) => `# Release\n\n**${w.updated}**: ${updated}\n\n${w.prose}\n\n`;
  const table = (status: string, date: string) =>
    `${head()}| ${w.milestone} | ${w.date} | ${w.status} |\n|---|---|---|\n| Beta | ${date} | ${status} |\n`;
  const totals = (sum: number) =>
    `${head()}| ${w.milestone} | ${w.tests} |\n|---|---|\n| API | 12 |\n| CLI | 8 |\n| **${w.total}** | **${sum}** |\n`;
  return [
    ['a ratio and its percentage', `${head()}164/173 ${w.tests} (95%)\n`, 'ratio-mismatch', false],
    ['trap: a ratio whose percentage is off', `${head()}164/173 ${w.tests} (97%)\n`, 'ratio-mismatch', true],
    ['a done status with every box ticked', `${head()}## API\n\n**${w.status}**: ✅ ${w.done}\n\n- [x] API\n- [x] CLI\n`, 'status-mismatch', false],
    ['trap: a done status with open boxes', `${head()}## API\n\n**${w.status}**: ✅ ${w.done}\n\n- [x] API\n- [ ] CLI\n- [ ] Docs\n`, 'status-mismatch', true],
    ['a finished milestone with a past date', table(`✅ ${w.done}`, w.past), 'stale-milestone', false],
    ['an open milestone with a future date', table(w.wip, w.future), 'stale-milestone', false],
    ['trap: an open milestone whose date has passed', table(w.wip, w.past), 'stale-milestone', true],
    ['a Total row that is the sum of its parts', totals(20), 'total-mismatch', false],
    ['trap: a Total row that is not', totals(21), 'total-mismatch', true],
    ['a document updated two days ago', `${head(w.recent)}- [ ] API\n`, 'stale-document', false],
    ['trap: an open document last updated long ago', `${head(w.old)}- [ ] API\n`, 'stale-document', true],
  ];
}

describe('grammar: statements per language, right and wrong', () => {
  for (const [lang, words] of Object.entries(LANGS)) {
    describe(lang, () => {
      const table = rows(words);
      it('has ten statements or more, right and wrong, and reads as the language', () => {
        assert.ok(table.length >= 10);
        assert.ok(table.some((r) => r[3]) && table.some((r) => !r[3]));
        assert.equal(detectLanguage(table[0]![1]).code, lang);
      });
      for (const [name, text, rule, wrong] of table) {
        it(`${name} (${rule}: ${wrong ? 'reported' : 'silent'})`, () => {
          const found = check(text, { today: TODAY }).findings.filter((f) => f.rule === rule);
          assert.equal(found.length > 0, wrong, `${found.map((f) => f.message).join('; ') || 'no finding'}\n${text}`);
        });
      }
    });
  }
});
