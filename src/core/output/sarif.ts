/** SARIF 2.1.0, as GitHub code scanning accepts it. Rule metadata comes from the registry. */
import type { Fix, Location } from '../findings';
import type { Rule } from '../rules/types';
import type { Report } from './report';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

const region = (l: Location) => ({ startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn });

export interface SarifOptions {
  rules: readonly Rule[];
  toolVersion: string;
  /** Base of rule documentation links (the README), if known. */
  docsBase?: string;
}

export function formatSarif(report: Report, options: SarifOptions): object {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const results = [];
  const extraRules: string[] = [];
  for (const file of report.files) {
    const artifactLocation = { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' };
    for (const f of file.findings) {
      if (!ruleIndex.has(f.rule)) { ruleIndex.set(f.rule, options.rules.length + extraRules.length); extraRules.push(f.rule); }
      results.push({
        ruleId: f.rule,
        ruleIndex: ruleIndex.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(f) } }],
        ...(f.related?.length
          ? { relatedLocations: f.related.map((r, id) => ({ id, message: { text: r.message }, physicalLocation: { artifactLocation, region: region(r) } })) }
          : {}),
        // The fix first, then the alternatives the reader may choose instead ("Mark as done").
        ...(f.fix || f.alternatives?.length ? { fixes: [...(f.fix ? [f.fix] : []), ...(f.alternatives ?? [])].map((x) => sarifFix(x, artifactLocation)) } : {}),
      });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Status Docs',
            version: options.toolVersion,
            rules: [
              ...options.rules.map((r) => ({
                id: r.id,
                name: r.id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
                shortDescription: { text: r.description },
                fullDescription: { text: r.description },
                defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
                ...(options.docsBase ? { helpUri: `${options.docsBase}#rule-${r.id}` } : {}),
                help: { text: r.description },
                properties: { tags: [...r.tags] },
              })),
              ...extraRules.map((id) => ({ id, shortDescription: { text: id } })),
            ],
          },
        },
        columnKind: 'utf16CodeUnits',
        // Every checked file, with the natural language its text is written in.
        artifacts: report.files.map((file) => ({
          location: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
          properties: { language: file.language.code, languageConfidence: file.language.confidence, ...(file.language.also.length ? { languagesAlso: file.language.also } : {}) },
        })),
        // Files that were not checked (unreadable, binary, not a regular file, analysis stopped).
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.skipped.map((x) => ({
              level: 'warning',
              message: { text: `Skipped: ${x.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(x.path), uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results,
      },
    ],
  };
}

function sarifFix(fix: Fix, artifactLocation: { uri: string; uriBaseId: string }) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })),
      },
    ],
  };
}
