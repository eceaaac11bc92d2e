#!/usr/bin/env bash
# Lints server/, client/, experiment/ and tests/: clang-format with the repository's .clang-format (no file
# may need reformatting) and clang-tidy with its .clang-tidy, using the compile
# commands of a configured build. Prints each finding once, then a count by check,
# and exits 1 if there was any (2 if it could not run).
#
# Usage: tools/lint.sh [BUILD_DIR]
#   BUILD_DIR   a configured build whose compile_commands.json lists the sources
#               (default build/release; `cmake --preset release` makes it). clang-tidy
#               sees only the files that build compiles: the fuzz targets are checked
#               with a fuzz build (build/fuzz), not with the release one.
# Environment:
#   JOBS=N            clang-tidy processes in parallel (default: the number of cores)
#   SKIP_FORMAT=1     skip clang-format
#   SKIP_TIDY=1       skip clang-tidy
#   CLANG_FORMAT=...  the clang-format program (default clang-format)
#   CLANG_TIDY=...    the clang-tidy program (default clang-tidy-14, else clang-tidy)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=${PWD}

die() {
  printf 'lint: error: %s\n' "$*" >&2
  exit 2
}
log() { printf 'lint: %s\n' "$*"; }

build=build/release
case ${1:-} in
  -h | --help)
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
  -*) die "unknown option '$1' (try --help)" ;;
  ?*) build=$1 ;;
esac
(($# <= 1)) || die "at most one argument, the build directory (try --help)"

jobs=${JOBS:-$(nproc)}
[[ ${jobs} =~ ^[1-9][0-9]*$ ]] || die "JOBS must be a positive integer, got '${jobs}'"
clang_format=${CLANG_FORMAT:-clang-format}
if [[ -n ${CLANG_TIDY:-} ]]; then
  clang_tidy=${CLANG_TIDY}
elif command -v clang-tidy-14 >/dev/null; then
  clang_tidy=clang-tidy-14
else
  clang_tidy=clang-tidy
fi

if [[ ${SKIP_TIDY:-0} != 1 ]]; then
  command -v "${clang_tidy}" >/dev/null || die "${clang_tidy} not found (bash tools/setup.sh)"
  [[ -f ${build}/compile_commands.json ]] ||
    die "no ${build}/compile_commands.json: configure that build first (cmake --preset release)"
  command -v python3 >/dev/null || die "python3 not found (bash tools/setup.sh)"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/minitwitter-lint.XXXXXX")
readonly WORK
trap 'rm -rf "${WORK}"' EXIT

failed=0

# --- clang-format ------------------------------------------------------------------
if [[ ${SKIP_FORMAT:-0} == 1 ]]; then
  log "SKIP_FORMAT=1, not running clang-format"
else
  command -v "${clang_format}" >/dev/null || die "${clang_format} not found (bash tools/setup.sh)"
  mapfile -d '' sources < <(find server client experiment tests -type f \( -name '*.cc' -o -name '*.h' \) -print0 |
    sort -z)
  status=0
  "${clang_format}" --dry-run -Werror "${sources[@]}" >"${WORK}/format.log" 2>&1 || status=$?
  mapfile -t unformatted < <(grep -oE '^[^: ]+:[0-9]+:[0-9]+: error: ' "${WORK}/format.log" |
    cut -d: -f1 | sort -u)
  if ((${#unformatted[@]} > 0)); then
    log "clang-format: ${#unformatted[@]} of ${#sources[@]} files need formatting" \
      "(${clang_format} -i FILE):"
    printf '  %s\n' "${unformatted[@]}"
    failed=1
  elif ((status != 0)); then
    cat "${WORK}/format.log" >&2
    die "${clang_format} failed (exit ${status})"
  else
    log "clang-format: ${#sources[@]} files, all formatted"
  fi
fi

# --- clang-tidy ----------------------------------------------------------------------
if [[ ${SKIP_TIDY:-0} == 1 ]]; then
  log "SKIP_TIDY=1, not running clang-tidy"
else
  # The server/, client/, experiment/ and tests/ sources the build compiles, once each.
  mapfile -t units < <(python3 - "${build}/compile_commands.json" "${ROOT}" <<'EOF'
import json, os, sys
database, root = sys.argv[1], os.path.realpath(sys.argv[2])
seen = set()
for entry in json.load(open(database)):
    path = os.path.realpath(os.path.join(entry.get("directory", "."), entry["file"]))
    rel = os.path.relpath(path, root)
    if rel.startswith(("server/", "client/", "experiment/", "tests/")) and rel not in seen:
        seen.add(rel)
        print(rel)
EOF
  )
  ((${#units[@]} > 0)) || die "${build}/compile_commands.json lists no file under server/, client/, experiment/ or tests/"
  log "clang-tidy: ${#units[@]} files from ${build}/compile_commands.json, ${jobs} at a time"

  # One log per file, so parallel runs do not interleave; a failed run leaves a mark.
  export WORK clang_tidy build
  # shellcheck disable=SC2016 # expanded by the inner bash, not this one
  printf '%s\0' "${units[@]}" | xargs -0 -P "${jobs}" -I{} bash -c '
    out="${WORK}/tidy.$(printf %s "$1" | md5sum | cut -c1-16)"
    "${clang_tidy}" -p "${build}" --quiet "$1" >"${out}.log" 2>&1 || echo "$1" >"${out}.failed"
  ' _ {}

  # Diagnostics in headers are reported by every file that includes them: once here.
  cat "${WORK}"/tidy.*.log 2>/dev/null |
    grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): ' |
    sed -e "s|^${ROOT}/||" | sort -u >"${WORK}/findings" || true
  mapfile -t crashed < <(cat "${WORK}"/tidy.*.failed 2>/dev/null | sort)
  count=$(wc -l <"${WORK}/findings")
  if ((count > 0)); then
    log "clang-tidy: ${count} findings:"
    sed 's/^/  /' "${WORK}/findings"
    log "clang-tidy: findings by check:"
    grep -oE '\[[^] ]+\]$' "${WORK}/findings" | tr -d '[]' | sort | uniq -c | sort -rn |
      sed 's/^ */  /'
    failed=1
  fi
  if ((${#crashed[@]} > 0)); then
    # Compile errors are findings above; a run that failed without one is reported here.
    log "clang-tidy: failed on ${#crashed[@]} files (run ${clang_tidy} -p ${build} FILE):"
    printf '  %s\n' "${crashed[@]}"
    failed=1
  fi
  if ((count == 0 && ${#crashed[@]} == 0)); then
    log "clang-tidy: no findings"
  fi
fi

if ((failed)); then
  log "FAILED"
  exit 1
fi
log "all clean"
