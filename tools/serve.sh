#!/usr/bin/env bash
# From a fresh Debian 12 machine as root: install what the project needs, build the
# release binary, and run `minitwitter serve` on port 8080 serving the bundled site.
# Extra arguments go to `minitwitter serve` (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh
echo "==> building the release preset"
cmake --preset release >/dev/null
cmake --build --preset release --target minitwitter -j"$(nproc)"

echo "==> starting minitwitter on http://localhost:${MINITWITTER_PORT:-8080}/ (Ctrl-C stops it)"
exec build/release/server/app/minitwitter serve --static-dir site "$@"
