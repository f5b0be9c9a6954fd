#!/usr/bin/env node
// Runs the integration suite in a real VS Code without downloading one: code-server (the VS Code
// server, with the real Node extension host) serves the workbench, headless Chromium opens it,
// and the suite's pass/fail comes back from the workbench as the extension host's exit code.
//
//   node test/vscode/run.mjs                       build, run test/vscode/suite against the development build
//   node test/vscode/run.mjs --vsix [FILE]         package (or take FILE), install it with
//                                                  --install-extension, run test/vscode/vsix against it
//   node test/vscode/run.mjs --screenshot out.png --open phase-report.md --sidebar
//                                                  a PNG of the workbench instead of tests
//
// Every run gets a free port and a throwaway folder (user data, extensions, a copy of the
// fixture workspace, logs) that is deleted afterwards unless the run failed or --keep is given.
// See --help for the options; test/vscode/setup.sh installs what this needs (run first, cached).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = join(root, 'test/vscode');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const help = `usage: node test/vscode/run.mjs [options]

Tests (default):
  --grep PATTERN       only tests whose full title matches PATTERN
  --vsix [FILE]        test the packaged extension: \`npm run package\` (or FILE), installed with
                       --install-extension, instead of the development build
  --timeout SECONDS    fail when the tests have not finished after SECONDS (default 300)
  --locale LANG        run test/vscode/l10n in a workbench whose display language is LANG
                       (code-server's --locale), and check the translated titles it shows
Screenshots:
  --screenshot FILE    save a PNG of the workbench instead of running tests (with --vsix: of the
                       installed package, without the "[Extension Development Host]" title)
  --open PATH          open this file (relative to the workspace) in the editor
  --line N[:C]         put the cursor on line N (column C) of the opened file
  --hover              show the hover at the cursor
  --sidebar            click the "Status Docs" activity bar item
  --expand LABELS      then expand these tree rows in order (comma-separated, text they contain)
  --sidebar-width PX   with --sidebar: widen the sidebar to PX pixels
  --problems           open the Problems panel
  --size WxH           window size (default 1400x900)
  --wait SECONDS       extra settle time before the screenshot (default 2)
Both:
  --workspace DIR      folder to copy and open (default test/vscode/workspace)
  --setting KEY=JSON   a user setting (repeatable), for example statusDocs.today="2026-11-22"
  --without-builtin ID start VS Code without this built-in extension (repeatable), for example
                       vscode.markdown-language-features
  --no-build           use dist/ as it is (the suites from \`node test/vscode/build.mjs\`)
  --keep               keep the throwaway folder
  --verbose            forward every workbench log line, not only the suite's output`;

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    grep: { type: 'string' },
    vsix: { type: 'boolean', default: false },
    locale: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    screenshot: { type: 'string' },
    open: { type: 'string' },
    line: { type: 'string' },
    hover: { type: 'boolean', default: false },
    sidebar: { type: 'boolean', default: false },
    expand: { type: 'string' },
    'sidebar-width': { type: 'string' },
    problems: { type: 'boolean', default: false },
    size: { type: 'string', default: '1400x900' },
    wait: { type: 'string', default: '2' },
    workspace: { type: 'string', default: join(here, 'workspace') },
    setting: { type: 'string', multiple: true, default: [] },
    'without-builtin': { type: 'string', multiple: true, default: [] },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log(help);
  process.exit(0);
}
const vsixFile = options.vsix && positionals[0] ? resolve(positionals[0]) : undefined;
if (positionals.length > (options.vsix ? 1 : 0)) usageError(`unexpected argument ${positionals.at(-1)}`);
const timeoutMs = Number(options.timeout) * 1000;
if (!(timeoutMs > 0)) usageError(`--timeout ${options.timeout} is not a number of seconds`);
const [width, height] = options.size.split('x').map(Number);
if (!(width > 0 && height > 0)) usageError(`--size ${options.size} is not WIDTHxHEIGHT`);
const userSettings = Object.fromEntries(options.setting.map(parseSetting));

const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`vscode-test: ${message}`);

function usageError(message) {
  console.error(`vscode-test: ${message}\n\n${help}`);
  process.exit(2);
}

function parseSetting(text) {
  const at = text.indexOf('=');
  if (at <= 0) usageError(`--setting ${text} is not KEY=JSON`);
  try {
    return [text.slice(0, at), JSON.parse(text.slice(at + 1))];
  } catch {
    return usageError(`--setting ${text}: the value is not JSON (quote strings: key="text")`);
  }
}

function runStep(command, args, what) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new StepError(`${what} failed (${command} ${args.join(' ')})`);
}

// A failed step that has already said why: no stack trace.
class StepError extends Error {}

// setup.sh prints progress on stderr and `name=path` lines on stdout.
function setup() {
  const result = spawnSync('bash', [join(here, 'setup.sh'), ...(options.screenshot ? ['--screenshots'] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new StepError('test/vscode/setup.sh failed');
  const paths = Object.fromEntries(result.stdout.split('\n').filter((line) => line.includes('=')).map((line) => line.split(/=(.*)/s, 2)));
  for (const name of ['node', 'code-server', 'chromium']) {
    if (!paths[name]) throw new StepError(`setup.sh did not report a ${name} path`);
  }
  return paths;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolveStatus) => {
    get(url, (response) => {
      response.resume();
      resolveStatus(response.statusCode);
    }).on('error', () => resolveStatus(0));
  });
}

const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

function tail(file, lines = 25) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// The suite's own output among the workbench's logs: from index.ts's opening line to its
// closing line, `N passed, N failed`.
const suiteStart = /^Status Docs integration tests in VS Code /;
const suiteEnd = /^(\S+: )?\d+ passed, \d+ failed/;
// The workbench's own messages that interleave with it.
// (With --locale, the workbench asks the absent gallery for built-in extensions' translations.)
const workbenchNoise = /^\[[\w .:/-]+\] |^\s+at .*\/workbench\.js:\d+|^No extension gallery service configured|^(Ignoring fetching additional builtin|Updating additional builtin|Resolving connection token|Resolved connection token|Creating a socket|Timed out waiting for authentication provider)/;
let inSuite = false;

async function main() {
  const tools = setup();
  say(`setup done (${seconds()})`);

  // The throwaway folder: everything VS Code and Chromium write goes here, nothing into $HOME.
  const work = mkdtempSync(join(tmpdir(), 'status-docs-vscode-'));
  run.work = work;

  let vsix = vsixFile;
  if (!options['no-build']) {
    if (options.vsix && !vsix) {
      vsix = join(work, 'status-docs.vsix');
      runStep(npm, ['run', 'package', '--silent', '--', '--out', vsix], 'npm run package');
    }
    // The development build and the suites (after packaging, which leaves a production build).
    runStep(process.execPath, ['build.mjs'], 'build');
    // The suites go into this run's folder: concurrent runs do not rebuild each other's tests.
    runStep(process.execPath, [join(here, 'build.mjs'), join(work, 'tests')], 'building the suite');
    say(`build done (${seconds()})`);
  } else if (options.vsix && !vsix) {
    usageError('--vsix with --no-build needs a FILE');
  }

  const workspace = join(work, 'workspace');
  cpSync(resolve(options.workspace), workspace, { recursive: true });
  const userData = join(work, 'user-data');
  const extensionsDir = join(work, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    'window.commandCenter': false,
    ...userSettings,
  }, null, 2));
  const port = await freePort();
  writeFileSync(join(work, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    TMPDIR: join(work, 'tmp'),
    XDG_CONFIG_HOME: join(work, 'xdg-config'),
    XDG_CACHE_HOME: join(work, 'xdg-cache'),
    XDG_DATA_HOME: join(work, 'xdg-data'),
    // Read by the suite's index.ts inside the extension host.
    STATUS_DOCS_TEST_GREP: options.grep ?? '',
    STATUS_DOCS_TEST_LABEL: options.vsix ? 'vsix' : options.locale ?? '',
    // --locale: the display language, and the folder where the suite asks for the page's text.
    ...(options.locale ? { STATUS_DOCS_TEST_LOCALE: options.locale, STATUS_DOCS_TEST_WORKBENCH: join(work, 'workbench') } : {}),
    // No marketplace: nothing to fetch, and no waiting for a network that is not there.
    EXTENSIONS_GALLERY: '{}',
    // The server leaves these built-in extensions out of its scan: they never load.
    ...(options['without-builtin'].length ? { VSCODE_SKIP_BUILTIN_EXTENSIONS: options['without-builtin'].join(',') } : {}),
  };
  mkdirSync(env.TMPDIR);
  const serverArgs = [tools['code-server'], '--config', join(work, 'config.yaml'), '--user-data-dir', userData,
    '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', ...(options.locale ? ['--locale', options.locale] : [])];

  if (options.locale) {
    // VS Code shows a display language only when a language pack for it is installed: without
    // one, --locale falls back to English (vscode.env.language stays "en", package.nls.json and
    // no l10n bundle). The server finds language packs in languagepacks.json in its user data
    // folder, which neither a folder copied into the extensions folder nor --install-extension
    // writes (the server's language pack service writes it later, too late for the first
    // window). So this run writes that file itself, for the minimal test-only pack in
    // test/vscode/language-pack (its translations of the workbench are empty: the workbench stays
    // English, and extensions show their own package.nls.<locale>.json and l10n bundles).
    const pack = join(work, 'language-pack');
    cpSync(join(here, 'language-pack'), pack, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(pack, 'package.json'), 'utf8'));
    const id = `${manifest.publisher}.${manifest.name}`;
    const packs = {};
    for (const l of manifest.contributes.localizations) {
      packs[l.languageId] = {
        hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
        extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
        translations: Object.fromEntries(l.translations.map((t) => [t.id, join(pack, t.path)])),
        label: l.localizedLanguageName ?? l.languageName,
      };
    }
    if (!packs[options.locale]) usageError(`--locale ${options.locale}: test/vscode/language-pack has only ${Object.keys(packs).join(', ')}`);
    writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify(packs, null, 2));
  }

  if (vsix) {
    const installed = spawnSync(tools.node, [...serverArgs, '--install-extension', vsix], { env, encoding: 'utf8' });
    const output = `${installed.stdout}${installed.stderr}`.trim();
    if (installed.status !== 0 || !/successfully installed/i.test(output)) {
      console.error(`vscode-test: --install-extension ${vsix} failed:\n${output}`);
      console.error('vsix: 0 passed, 1 failed');
      return 1;
    }
    say(`installed ${relative(root, vsix).startsWith('..') ? vsix : relative(root, vsix)} (${seconds()})`);
  }

  // Its own process group, so that file watchers and extension hosts go down with it.
  const serverLog = join(work, 'code-server.log');
  const logFd = openSync(serverLog, 'w');
  const server = spawn(tools.node, [...serverArgs,
    // Makes the built workbench honour extensionDevelopmentPath/extensionTestsPath from the URL.
    '--vscode-option', 'enable-smoke-test-driver', workspace],
  { detached: true, stdio: ['ignore', logFd, logFd], env });
  run.server = server;
  let serverExited = false;
  server.on('exit', () => { serverExited = true; });
  const stopServer = () => {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  process.on('exit', stopServer);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; (await httpStatus(`${base}/healthz`)) !== 200; i++) {
    if (serverExited || i > 120) {
      console.error(`vscode-test: code-server did not start:\n${tail(serverLog)}`);
      return 1;
    }
    await sleep(250);
  }
  say(`code-server listening on ${base} (${seconds()})`);

  // code-server takes the remote authority from the Host header the browser sends.
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [];
  if (!options.screenshot) {
    // The workbench runs extensionTestsPath only in an extension development session; for the
    // packaged extension that session develops an empty folder, so the installed copy loads.
    const developed = vsix ? join(work, 'no-extension') : root.replace(/\/$/, '');
    mkdirSync(developed, { recursive: true });
    payload.push(['extensionDevelopmentPath', remote(developed)]);
    const tests = options['no-build'] ? join(root, 'dist/test') : join(work, 'tests');
    payload.push(['extensionTestsPath', remote(join(tests, vsix ? 'vsix' : options.locale ? 'l10n' : 'suite', 'index.js'))]);
  } else if (!vsix) {
    // (A screenshot of the installed .vsix is a plain session: no "[Extension Development Host]".)
    payload.push(['extensionDevelopmentPath', remote(root.replace(/\/$/, ''))]);
  }
  if (options.open) payload.push(['openFile', remote(resolve(workspace, options.open))]);
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launchPersistentContext(join(work, 'chromium'), {
    executablePath: tools.chromium,
    headless: true,
    env,
    viewport: { width, height },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  if (options.verbose) say(`chromium started (${seconds()})`);
  try {
    const page = browser.pages()[0] ?? await browser.newPage();
    let finish;
    const finished = new Promise((resolveFinish) => { finish = resolveFinish; });
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) {
        if (suiteStart.test(line)) inSuite = true;
        if (options.verbose) console.log(`[${level} ${seconds()}] ${line}`);
        else if (inSuite && !workbenchNoise.test(line)) console.log(line);
        if (suiteEnd.test(line)) inSuite = false;
      }
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      // The workbench hands over its logs with the exit code: keep them for a failed run.
      for (const { relativePath, contents } of logs ?? []) {
        const file = join(work, 'logs', relativePath);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, contents);
      }
      finish(code);
    });
    page.on('pageerror', (error) => console.error(`vscode-test: [page] ${error.message}`));
    await page.goto(url);
    if (options.verbose) say(`workbench loaded (${seconds()})`);

    if (options.screenshot) {
      await screenshot(page);
      return 0;
    }

    if (options.locale) void answerWorkbenchRequests(page, env.STATUS_DOCS_TEST_WORKBENCH, finished);
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const code = await finished;
    clearTimeout(timer);
    if (code === 'timeout') {
      console.error(`vscode-test: no result after ${options.timeout} s; last lines of the server log:\n${tail(serverLog)}`);
      console.error(`${options.vsix ? 'vsix: ' : ''}0 passed, 1 failed`);
      return 124;
    }
    say(`extension tests exited with ${code} (${seconds()})`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser.close().catch(() => {});
  }
}

// The suite in test/vscode/l10n cannot see the workbench's page: it writes request.json into
// `folder` once the Progress view is shown, and this reads the sidebar's titles and the command
// palette's rows for its search text into workbench.json.
async function answerWorkbenchRequests(page, folder, finished) {
  mkdirSync(folder, { recursive: true });
  let done = false;
  void finished.then(() => { done = true; });
  const request = join(folder, 'request.json');
  while (!done && !existsSync(request)) await sleep(100);
  if (done) return;
  const { palette } = JSON.parse(readFileSync(request, 'utf8'));
  const seen = { sidebar: '', palette: [] };
  try {
    const header = page.locator('.part.sidebar .composite.title .title-label, .part.sidebar .pane-header .title');
    await header.first().waitFor({ timeout: 20_000 });
    seen.sidebar = (await header.allTextContents()).join(' | ');
    await page.locator('.part.editor').first().click({ position: { x: 5, y: 5 } }).catch(() => {});
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').first().waitFor({ timeout: 10_000 });
    await page.keyboard.type(palette);
    await page.waitForTimeout(1_000);
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor({ timeout: 10_000 });
    seen.palette = (await rows.evaluateAll((list) => list.map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''))).filter(Boolean);
    await page.keyboard.press('Escape');
  } catch (error) {
    seen.error = `reading the workbench failed: ${error.message}`;
  }
  writeFileSync(join(folder, 'workbench.json'), JSON.stringify(seen, null, 2));
}

async function screenshot(page) {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 60_000 });
  // Let the extension host start and the first analysis land.
  await page.waitForTimeout(2_000);
  const step = (message) => options.verbose && say(message);
  if (options.sidebar) {
    step('opening the Status Docs view');
    const item = page.locator('.part.activitybar .action-item a[aria-label^="Status Docs"]').first();
    await item.waitFor({ timeout: 20_000 }).catch(() => say('no "Status Docs" item in the activity bar'));
    if (await item.count()) await item.click();
    await page.waitForSelector('.part.sidebar .monaco-list-row', { timeout: 20_000 }).catch(() => say('the Status Docs tree shows no rows'));
    if (options['sidebar-width']) {
      // Drag the sash on the sidebar's right edge.
      const box = await page.locator('.part.sidebar').boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + Number(options['sidebar-width']), box.y + box.height / 2, { steps: 5 });
        await page.mouse.up();
      }
    }
    await settle(page.locator('.part.sidebar .monaco-list-rows'));
    for (const label of (options.expand ?? '').split(',').map((text) => text.trim()).filter(Boolean)) {
      const row = page.locator('.part.sidebar .monaco-list-row', { hasText: label }).first();
      if (await row.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
        // The twistie expands without running the row's command (which reveals the range).
        await row.locator('.monaco-tl-twistie').click();
        await settle(page.locator('.part.sidebar .monaco-list-rows'));
      } else {
        say(`no tree row contains "${label}"`);
      }
    }
  }
  if (options.open) {
    await page.waitForSelector('.part.editor .monaco-editor .view-lines', { timeout: 30_000 })
      .catch(() => say(`${options.open} did not open in an editor`));
    // The status bar item ($(checklist) …) shows once the opened status document is analysed;
    // then give CodeLens and inline flags a moment to render.
    await page.waitForSelector('.part.statusbar .codicon-checklist', { timeout: 30_000 })
      .then(() => page.waitForTimeout(1_000), () => say(`no Status Docs status bar item for ${options.open}`));
  }
  if (options.line) {
    step(`going to ${options.line}`);
    await page.locator('.part.editor .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(options.line);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
  }
  if (options.problems) {
    step('opening the Problems panel');
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(500);
  }
  if (options.hover) {
    // The keyboard's hover (editor.action.showHover) stays until the cursor moves; one shown by
    // pausing the pointer goes away when a busy extension host re-renders a line.
    step('showing the hover');
    await page.mouse.move(width / 2, 8);
    await page.locator('.part.editor .monaco-editor textarea').first().focus();
    await page.keyboard.press('F1');
    await page.keyboard.type('Show or Focus Hover');
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-hover:visible').first().waitFor({ timeout: 10_000 }).catch(() => say('no hover appeared'));
  }
  // Park the pointer on the title bar, away from anything that shows a tooltip (before a hover:
  // moving the pointer closes it).
  if (!options.hover) await page.mouse.move(width / 2, 8);
  await page.waitForTimeout(Number(options.wait) * 1000);
  mkdirSync(dirname(resolve(options.screenshot)), { recursive: true });
  await page.screenshot({ path: resolve(options.screenshot) });
  say(`screenshot ${options.screenshot} (${seconds()})`);
}

// Waits until the text of an element has not changed for a second (at most 10 s): the tree
// re-renders its rows as the workspace scan lands, and a click must not hit a moving row.
async function settle(locator) {
  let last;
  let stableSince = Date.now();
  for (const end = Date.now() + 10_000; Date.now() < end;) {
    const text = await locator.first().innerText().catch(() => '');
    if (text !== last) {
      last = text;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 1_000) {
      return;
    }
    await sleep(200);
  }
}

// What main() started, for the cleanup below even when it throws.
const run = { work: undefined, server: undefined };
let code;
try {
  code = await main();
} catch (error) {
  console.error(error instanceof StepError ? `vscode-test: ${error.message}` : error);
  console.error(`${options.vsix ? 'vsix: ' : ''}0 passed, 1 failed`);
  code = 1;
}
const { work, server } = run;
if (server) {
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  // Wait for the group to go; force it after 5 s.
  for (let i = 0; ; i++) {
    try { process.kill(-server.pid, i < 20 ? 0 : 'SIGKILL'); } catch { break; }
    if (i > 24) break;
    await sleep(250);
  }
}
if (work) {
  if (code === 0 && !options.keep) rmSync(work, { recursive: true, force: true });
  else say(`kept ${work} (server log, workbench logs, workspace copy)`);
}
process.exit(code);
