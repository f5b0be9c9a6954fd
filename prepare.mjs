// `npm install` / `npm ci` in a clone (the `prepare` script): builds dist/ with build.mjs.
//
// pre-commit installs the hook with `npm install -g git+file://<clone>`. npm then prepares the
// clone with an `npm install` that inherits the global mode and puts the dependencies in the
// global folder instead of the clone, so esbuild cannot be found there. In that case the
// dependencies are installed in the clone first (scripts off, so this does not run again).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
try {
  await import('esbuild');
} catch {
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm]] : ['npm', []];
  const r = spawnSync(cmd, [...args, 'install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, npm_config_global: 'false' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import('./build.mjs');
