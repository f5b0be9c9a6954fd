#!/usr/bin/env bash
# Retakes the README's screenshots (media/*.png) of the packaged extension on the fixture
# document in this folder's workspace/, with "today" pinned so the overdue days stay the same.
# Look at each PNG afterwards: a loaded machine can miss a hover or a late-rendered row.
set -euo pipefail
cd "$(dirname "$0")/../../.."
vsix="$(mktemp -d)/status-docs.vsix"
npm run package --silent -- --out "$vsix" >/dev/null
shot() { node test/vscode/run.mjs --vsix "$vsix" --workspace test/vscode/screenshots/workspace \
  --setting 'statusDocs.today="2026-11-22"' --open checkout-revamp.md "$@"; }
shot --screenshot media/progress-tree.png --sidebar --sidebar-width 560 \
  --expand 'Checkout Revamp,Team Scores,Checklist,Milestones' --size 1280x720
shot --screenshot media/hover-delta.png --line 10:39 --hover --size 1300x560
shot --screenshot media/stale-flag.png --size 1200x720
# The seeds folder (real status documents kept outside the repository, in ../shared/seeds):
# the Progress view, the Problems panel and the Status Overview on documents nobody here wrote.
seeds=${SEEDS_DIR:-../shared/seeds}
if [ -d "$seeds" ]; then
  seeds_shot() { node test/vscode/run.mjs --vsix "$vsix" --workspace "$seeds" \
    --setting 'statusDocs.today="2026-12-02"' "$@"; }
  seeds_shot --screenshot media/seeds-tree.png --sidebar --sidebar-width 640 --size 1400x860 --wait 4 \
    --expand 'PHASE 2: HIGH PRIORITY,Problems'
  seeds_shot --screenshot media/seeds-problems.png --open 001_61dbd50eb19f17c2.md --sidebar --problems \
    --size 1400x860 --wait 6
  seeds_shot --screenshot media/seeds-overview.png --command "Status Docs: Open Status Overview" \
    --setting 'workbench.colorTheme="Default Dark Modern"' --size 1400x900 --wait 4
else
  echo "take.sh: $seeds not found; the seeds screenshots were not retaken" >&2
fi
rm -rf "$(dirname "$vsix")"
# Screenshots are mostly flat colour: a 256-colour palette keeps them sharp at a third of the
# size, and the packaged extension (which carries them for its README) under 1 MB.
if command -v pngquant >/dev/null; then
  for f in media/*.png; do pngquant --quality 80-95 --speed 1 --strip --force --output "$f" "$f" || true; done
else
  echo "take.sh: pngquant not found (apt-get install pngquant); media/*.png left as taken" >&2
fi
