/**
 * The status vocabulary per language: each row is a statement, the first status token the
 * vocabulary finds in it (`find`), and what it says as a status (`classifyStatus`: done or
 * planned when it says one thing unhedged, else null).
 */
import assert from 'node:assert/strict';
import { classifyStatus } from '../../../src/core/grammar/status';
import { LANGUAGES, STATUS_WORDS_BY_LANGUAGE } from '../../../src/core/grammar/status-words';
import { DEFAULT_STATUS_WORDS, getVocabulary } from '../../../src/core/model/vocabulary';

type V = 'done' | 'in-progress' | 'planned' | 'blocked' | 'at-risk' | null;
/** [statement, what `find` reads, what `classifyStatus` says] */
type Row = [string, V, 'done' | 'planned' | null];

const TABLES: Record<string, Row[]> = {
  en: [
    ['Status: Complete', 'done', 'done'],
    ['✅ Done', 'done', 'done'],
    ['Shipped to production', 'done', 'done'],
    ['Not complete', 'in-progress', null],
    ['Not finished yet', 'in-progress', null],
    ['Almost done', 'done', null],
    ['40% complete', 'in-progress', null],
    ['Planned for Q3', 'planned', 'planned'],
    ['Blocked by the vendor', 'blocked', null],
    ['At risk', 'at-risk', null],
    ['Work in progress', 'in-progress', null],
  ],
  pt: [
    ['Status: Concluído', 'done', 'done'],
    ['✅ Concluída', 'done', 'done'],
    ['Completo', 'done', 'done'],
    ['Finalizado em outubro', 'done', 'done'],
    ['não concluído', 'in-progress', null],
    ['Quase concluído', 'done', null],
    ['80% concluído', 'in-progress', null],
    ['🚧 Em andamento', 'in-progress', null],
    ['Planejado', 'planned', 'planned'],
    ['Pendente', 'planned', 'planned'],
    ['Bloqueado pela equipe de infra', 'blocked', null],
    ['Atrasado', 'at-risk', null],
  ],
  es: [
    ['Estado: Completado', 'done', 'done'],
    ['Historias completadas', 'done', 'done'],
    ['Terminado', 'done', 'done'],
    ['No completado', 'in-progress', null],
    ['Casi completado', 'done', null],
    ['En progreso', 'in-progress', null],
    ['En curso', 'in-progress', null],
    ['Pendiente', 'planned', 'planned'],
    ['Planificado para enero', 'planned', 'planned'],
    ['Sin empezar', 'planned', 'planned'],
    ['De hecho, el equipo creció', null, null],
    ['En riesgo', 'at-risk', null],
  ],
  fr: [
    ['Statut : Terminé', 'done', 'done'],
    ['✅ Achevé', 'done', 'done'],
    ['Terminée', 'done', 'done'],
    ['Non terminé', 'in-progress', null],
    ['Presque terminé', 'done', null],
    ['En cours', 'in-progress', null],
    ['Prévu', 'planned', 'planned'],
    ['À faire', 'planned', 'planned'],
    ['Bloqué', 'blocked', null],
    ['En retard', 'at-risk', null],
    ['Le fait est établi', null, null],
  ],
  de: [
    ['Status: Erledigt', 'done', 'done'],
    ['Abgeschlossen', 'done', 'done'],
    ['✅ Fertig', 'done', 'done'],
    ['nicht abgeschlossen', 'in-progress', null],
    ['Fast fertig', 'done', null],
    ['In Bearbeitung', 'in-progress', null],
    ['🚧 In Arbeit', 'in-progress', null],
    ['Geplant', 'planned', 'planned'],
    ['Offen', 'planned', 'planned'],
    ['Blockiert', 'blocked', null],
    ['Gefährdet', 'at-risk', null],
    ['Die vollständige Liste', null, null],
  ],
  it: [
    ['Stato: Completato', 'done', 'done'],
    ['Terminato', 'done', 'done'],
    ['Concluso', 'done', 'done'],
    ['Non completato', 'in-progress', null],
    ['Quasi completato', 'done', null],
    ['In corso', 'in-progress', null],
    ['Da fare', 'planned', 'planned'],
    ['Pianificato', 'planned', 'planned'],
    ['Bloccato', 'blocked', null],
    ['In ritardo', 'at-risk', null],
  ],
  ru: [
    ['Статус: Завершено', 'done', 'done'],
    ['✅ Готово', 'done', 'done'],
    ['Выполнено', 'done', 'done'],
    ['Не завершено', 'in-progress', null],
    ['Почти готово', 'done', null],
    ['В работе', 'in-progress', null],
    ['В процессе', 'in-progress', null],
    ['📋 Запланировано', 'planned', 'planned'],
    ['Не начато', 'planned', 'planned'],
    ['Заблокировано', 'blocked', null],
    ['Под угрозой', 'at-risk', null],
  ],
  uk: [
    ['Статус: Виконано', 'done', 'done'],
    ['Зроблено', 'done', 'done'],
    ['Завершено', 'done', 'done'],
    ['Не завершено', 'in-progress', null],
    ['Майже виконано', 'done', null],
    ['В роботі', 'in-progress', null],
    ['У процесі', 'in-progress', null],
    ['Заплановано', 'planned', 'planned'],
    ['Не розпочато', 'planned', 'planned'],
    ['Заблоковано', 'blocked', null],
  ],
  zh: [
    ['状态：已完成', 'done', 'done'],
    ['✅ 完成', 'done', 'done'],
    ['已交付', 'done', 'done'],
    ['未完成', 'in-progress', null],
    ['基本完成', 'done', null],
    ['部分完成', 'in-progress', null],
    ['进行中', 'in-progress', null],
    ['未开始', 'planned', 'planned'],
    ['计划中', 'planned', 'planned'],
    ['阻塞', 'blocked', null],
    ['延迟从 200 毫秒降到 50 毫秒', null, null],
  ],
  ja: [
    ['ステータス：完了', 'done', 'done'],
    ['✅ 完了', 'done', 'done'],
    ['対応済み', 'done', 'done'],
    ['未完了', 'in-progress', null],
    ['進行中', 'in-progress', null],
    ['対応中', 'in-progress', null],
    ['開発中', 'in-progress', null],
    ['未着手', 'planned', 'planned'],
    ['計画中', 'planned', 'planned'],
    ['遅延', 'at-risk', null],
  ],
  ko: [
    ['상태: 완료', 'done', 'done'],
    ['✅ 완료됨', 'done', 'done'],
    ['미완료', 'in-progress', null],
    ['거의 완료', 'done', null],
    ['진행 중', 'in-progress', null],
    ['진행중', 'in-progress', null],
    ['작업 중', 'in-progress', null],
    ['예정', 'planned', 'planned'],
    ['미착수', 'planned', 'planned'],
    ['지연', 'at-risk', null],
  ],
};

describe('grammar: status words per language', () => {
  const v = getVocabulary();
  for (const [lang, rows] of Object.entries(TABLES)) {
    describe(lang, () => {
      it('has ten statements or more', () => assert.ok(rows.length >= 10, `${lang}: ${rows.length}`));
      for (const [text, found, says] of rows) {
        it(`${text} → ${found ?? 'nothing'} / ${says ?? 'no status'}`, () => {
          assert.equal(v.find(text)?.value ?? null, found, 'find');
          assert.equal(classifyStatus(v, text)?.value ?? null, says, 'classifyStatus');
        });
      }
    });
  }

  it('every language has a block, and every block reaches the merged vocabulary', () => {
    for (const lang of LANGUAGES) {
      const block = STATUS_WORDS_BY_LANGUAGE[lang];
      assert.ok(Object.keys(block).length > 0, lang);
      for (const [value, words] of Object.entries(block)) {
        for (const w of words ?? []) assert.ok((DEFAULT_STATUS_WORDS as Record<string, readonly string[]>)[value]!.includes(w) || Object.values(DEFAULT_STATUS_WORDS).some((ws) => ws.includes(w)), `${lang} ${w}`);
      }
    }
  });

  it('no word says two things', () => {
    const seen = new Map<string, string>();
    for (const [value, words] of Object.entries(DEFAULT_STATUS_WORDS)) for (const w of words) {
      assert.ok(!seen.has(w) || seen.get(w) === value, `${w}: ${seen.get(w)} and ${value}`);
      seen.set(w, value);
    }
  });
});
