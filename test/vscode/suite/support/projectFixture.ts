// The project configuration fixture: test/vscode/workspace/payments/ holds a .status-docs.jsonc
// (delta-mismatch off, stale-milestone an error, staleAfterDays 30, today 2026-06-01) over two
// documents, one of them in a sub-folder. The CLI (test/unit/project-config.test.ts) and the
// editor (test/vscode/suite/projectConfig.test.ts) must both find exactly these.
export const PROJECT_FOLDER = 'payments';
export const PROJECT_FILE = 'payments/.status-docs.jsonc';

/** Per document (relative to the workspace): `line:column severity rule`, 1-based, in order. */
export const PROJECT_FINDINGS: Record<string, string[]> = {
  'payments/q3/plan.md': ['9:31 error stale-milestone'],
  'payments/status.md': ['3:19 info stale-document', '14:26 error stale-milestone'],
};
