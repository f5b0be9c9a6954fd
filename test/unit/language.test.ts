/** The document's language: detected from its own text, kept on the model, named in the JSON and SARIF output. */
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/model/analyze';
import { detectLanguage } from '../../src/core/model/language';
import { numericOrderOf } from '../../src/core/grammar/dates';
import { fileReport, ReportSchema } from '../../src/core/output/report';
import { formatSarif } from '../../src/core/output/sarif';
import { RULES } from '../../src/core/index';

/** One short status document per language, written for this test. */
const SAMPLES: Record<string, string> = {
  en: '# Release plan\n\n**Status**: In Progress\n**Last Updated**: 2026-03-01\n\nThe team is working on the last tasks for the release, and all of them will be done this week.\n',
  pt: '# Plano de lançamento\n\n**Status**: Em Desenvolvimento\n**Última Atualização**: 03/11/2025\n\nA equipe está trabalhando nas tarefas do lançamento, e não há bloqueios para os usuários.\n',
  es: '# Plan del proyecto\n\n**Estado**: En progreso\n**Última actualización**: 3 de noviembre de 2025\n\nEl equipo trabaja en las tareas del lanzamiento y los usuarios ya tienen acceso al módulo.\n',
  fr: '# Plan de livraison\n\n**Statut** : En cours\n**Dernière mise à jour** : 1er mars 2026\n\nLes tâches restantes sont prévues pour la semaine prochaine et le module est en test avec les équipes.\n',
  de: '# Projektstand\n\n**Status**: In Arbeit\n**Letzte Aktualisierung**: 15.03.2026\n\nDie Aufgaben für das Release sind fast erledigt und der Meilenstein ist nicht gefährdet.\n',
  it: '# Stato del progetto\n\n**Stato**: In corso\n**Ultimo aggiornamento**: 15 marzo 2026\n\nIl team lavora alle attività della release e gli utenti sono già nel nuovo sistema, anche se non tutte sono completate.\n',
  ru: '# Статус проекта\n\n**Статус**: В работе\n**Последнее обновление**: 22 декабря 2025\n\nКоманда завершает задачи релиза, и все основные этапы уже выполнены по плану.\n',
  uk: '# Статус проєкту\n\n**Статус**: У роботі\n**Останнє оновлення**: 22 грудня 2025\n\nКоманда завершує завдання релізу, і всі основні етапи вже виконані згідно з планом, що дуже добре.\n',
  zh: '# 项目状态\n\n**状态**: 进行中\n**最后更新**: 2024-11-16\n\n团队正在完成发布的最后任务，所有主要阶段都已按计划完成。\n',
  ja: '# プロジェクト状況\n\n**ステータス**: 進行中\n**最終更新**: 2026年3月1日\n\nチームはリリースの最後のタスクを進めており、主要な段階はすべて計画どおりに完了しています。\n',
  ko: '# 프로젝트 상태\n\n**상태**: 진행 중\n**최종 업데이트**: 2026-03-01\n\n팀은 릴리스의 마지막 작업을 진행하고 있으며 주요 단계는 모두 계획대로 완료되었습니다.\n',
  ar: '# حالة المشروع\n\n**الحالة**: قيد التنفيذ\n**آخر تحديث**: يناير 2025\n\nيعمل الفريق على المهام الأخيرة للإصدار وقد اكتملت جميع المراحل الرئيسية حسب الخطة المحددة مسبقا.\n',
};

describe('document language', () => {
  for (const [code, text] of Object.entries(SAMPLES)) {
    it(`detects ${code} from a short status document`, () => {
      const language = detectLanguage(text);
      assert.equal(language.code, code, JSON.stringify(language));
      assert.ok(language.confidence >= 0.5, JSON.stringify(language));
      assert.ok(language.evidence.length > 0);
    });
  }

  it('tells Ukrainian from Russian by the letters only one of them writes', () => {
    assert.equal(detectLanguage('Ми завершили всі завдання і перевірили їх, тепер працюємо над наступним етапом проєкту.').code, 'uk');
    assert.equal(detectLanguage('Мы завершили все задачи и проверили их, теперь работаем над следующим этапом проекта.').code, 'ru');
  });

  it('tells Japanese from Chinese by kana', () => {
    assert.equal(detectLanguage('設計は完了しました。来週から次の段階に進みます。テストも順調です。').code, 'ja');
    assert.equal(detectLanguage('设计已完成。下周进入下一个阶段。所有测试任务都已顺利完成。').code, 'zh');
  });

  it('names the other language of a mixed document', () => {
    const mixed = `${SAMPLES.en}\n## Notas\n\n${SAMPLES.pt.replace(/^# .*\n/, '')}`;
    const language = detectLanguage(mixed);
    assert.ok(['en', 'pt'].includes(language.code), JSON.stringify(language));
    assert.deepEqual(language.also, [language.code === 'en' ? 'pt' : 'en']);
    assert.ok(language.confidence < 0.8);
    assert.deepEqual(detectLanguage(SAMPLES.de).also, []);
  });

  it('English code identifiers in a Chinese document do not make it English', () => {
    const text = `${SAMPLES.zh}\n\`\`\`ts\nconst userService = createUserService(config);\nexport function loadUsers() {}\n\`\`\`\n`;
    assert.equal(detectLanguage(text).code, 'zh');
  });

  it('is undetermined when the text says too little', () => {
    for (const text of ['', '# v2.1\n\n- [x] API\n- [ ] CLI\n', '| A | B |\n|---|---|\n| 1 | 2 |\n', '42% → 65%', 'src/core/model.ts']) {
      assert.deepEqual(detectLanguage(text), { code: 'und', confidence: 0, also: [], evidence: [] }, text);
    }
  });

  it('the numeric day order follows the detected language', () => {
    assert.equal(numericOrderOf(SAMPLES.pt), 'dmy');
    assert.equal(numericOrderOf(SAMPLES.uk + '\n01/02/2026'), 'dmy');
    assert.equal(numericOrderOf(SAMPLES.en + '\n01/02/2026'), null);
    assert.equal(numericOrderOf('01/02/2026', 'de'), 'dmy');
  });

  it('is stored on the model and named in the JSON and SARIF output', () => {
    const doc = analyze(SAMPLES.pt);
    assert.equal(doc.language.code, 'pt');
    const file = fileReport('plano.md', doc, []);
    assert.deepEqual(Object.keys(file.language), ['code', 'confidence', 'also']);
    assert.equal(file.language.code, 'pt');
    const report = ReportSchema.parse({ version: 1, today: '2026-03-01', files: [file], skipped: [] });
    const sarif = formatSarif(report, { rules: RULES, toolVersion: '0.0.0' }) as { runs: { artifacts: { location: { uri: string }; properties: { language: string } }[] }[] };
    assert.deepEqual(sarif.runs[0]!.artifacts.map((a) => [a.location.uri, a.properties.language]), [['plano.md', 'pt']]);
  });
});
