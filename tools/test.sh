#!/usr/bin/env bash
# The project's test command: installs what is missing, then builds and tests the
# release and asan presets, then builds the fuzzers (fuzz preset) and runs each for a
# bounded time over a copy of its seed corpus. Prints a summary at the end and exits
# non-zero if any stage failed.
#
# Environment:
#   SKIP_SETUP=1      do not run tools/setup.sh (e.g. when not root)
#   SKIP_ASAN=1       skip the asan preset
#   SKIP_FUZZ=1       skip the fuzz preset
#   FUZZ_SECONDS=N    how long each fuzzer runs (default 60)
#   JOBS=N            parallel build and test jobs (default 2)
#   MINITWITTER_TEST_POSTGRES_URL=URL  PostgreSQL for the database tests (default: a
#                     private cluster started for the run, see tools/postgres-cluster.sh)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT=${PWD}
readonly FUZZ_SECONDS=${FUZZ_SECONDS:-60}
readonly JOBS=${JOBS:-2}

[[ ${FUZZ_SECONDS} =~ ^[1-9][0-9]*$ ]] || {
  echo "test.sh: FUZZ_SECONDS must be a positive integer, got '${FUZZ_SECONDS}'" >&2
  exit 2
}
[[ ${JOBS} =~ ^[1-9][0-9]*$ ]] || {
  echo "test.sh: JOBS must be a positive integer, got '${JOBS}'" >&2
  exit 2
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/minitwitter-test.XXXXXX")
readonly WORK
own_postgres=""
cleanup() {
  if [[ -n ${own_postgres} ]]; then bash tools/postgres-cluster.sh destroy "${own_postgres}" || true; fi
  rm -rf "${WORK}"
}
trap cleanup EXIT

# Sanitizer reports must fail the run, with a stack to read.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

stage_names=()
stage_results=()
tests_passed=0
tests_failed=0

banner() { printf '\n==== %s ====\n' "$*"; }

# run_stage NAME COMMAND... : runs one stage, records PASS/FAIL and its duration.
run_stage() {
  local name=$1
  shift
  banner "${name}"
  local start=${SECONDS} status=0
  "$@" || status=$?
  local took=$((SECONDS - start))
  stage_names+=("${name}")
  if ((status == 0)); then
    stage_results+=("PASS  (${took} s)")
  else
    stage_results+=("FAIL  (exit ${status}, ${took} s)")
  fi
  return "${status}"
}

# shellcheck disable=SC2317 # invoked indirectly, through run_stage
# ctest_preset PRESET : runs ctest, keeps its output to count passed and failed tests.
ctest_preset() {
  local preset=$1 log="${WORK}/ctest-$1.log" status=0
  ctest --preset "${preset}" -j"${JOBS}" --no-tests=error 2>&1 | tee "${log}" || status=$?
  # "100% tests passed, 0 tests failed out of 42"
  local line total failed
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "${log}" | tail -n 1 || true)
  if [[ -n ${line} ]]; then
    failed=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"${line}")
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"${line}")
    tests_passed=$((tests_passed + total - failed))
    tests_failed=$((tests_failed + failed))
  else  # no tests found, or ctest itself failed
    echo "test.sh: ctest ran no tests in preset ${preset}" >&2
    tests_failed=$((tests_failed + 1))
    ((status != 0)) || status=1
  fi
  return "${status}"
}

# preset_cycle PRESET : configure, build and test one preset.
preset_cycle() {
  local preset=$1
  run_stage "${preset}: configure" cmake --preset "${preset}" || return 1
  run_stage "${preset}: build" cmake --build --preset "${preset}" -j"${JOBS}" || return 1
  run_stage "${preset}: test" ctest_preset "${preset}" || return 1
}

# shellcheck disable=SC2317 # invoked indirectly, through run_stage
# run_fuzzer PATH : runs one libFuzzer binary for FUZZ_SECONDS over a copy of its corpus.
run_fuzzer() {
  local bin=$1 name corpus_name seed_dir dir artifacts status=0
  name=$(basename "${bin}")
  corpus_name=${name%_fuzzer}
  seed_dir="${ROOT}/tests/fuzz/corpus/${corpus_name}"
  dir="${WORK}/fuzz/${name}"
  artifacts="${dir}/artifacts"
  # Called in an || list, where errexit does not apply: check each step.
  mkdir -p "${dir}/corpus" "${artifacts}" || return 1
  if [[ -d ${seed_dir} ]]; then
    cp -R "${seed_dir}/." "${dir}/corpus/" || return 1
    echo "${name}: $(find "${dir}/corpus" -type f | wc -l) seed inputs from tests/fuzz/corpus/${corpus_name}/"
  else
    echo "${name}: warning: no seed corpus at tests/fuzz/corpus/${corpus_name}/, starting empty"
  fi
  local dict="${ROOT}/tests/fuzz/${corpus_name}.dict" extra=()
  [[ -f ${dict} ]] && extra+=("-dict=${dict}")
  (cd "${dir}" && "${bin}" -max_total_time="${FUZZ_SECONDS}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="${artifacts}/" "${extra[@]}" corpus) \
    >"${dir}/log" 2>&1 || status=$?
  grep -E '^(Done|INFO: Seed:)' "${dir}/log" | sed "s/^/${name}: /" || true
  if ((status != 0)) || compgen -G "${artifacts}/*" >/dev/null; then
    echo "${name}: FAILED (exit ${status}); last lines of its log:"
    tail -n 40 "${dir}/log"
    if compgen -G "${artifacts}/*" >/dev/null; then
      mkdir -p "${ROOT}/build/fuzz/artifacts"
      cp "${artifacts}"/* "${ROOT}/build/fuzz/artifacts/"
      echo "${name}: crashing inputs kept in build/fuzz/artifacts/: $(ls "${artifacts}")"
    fi
    tests_failed=$((tests_failed + 1))
    return 1
  fi
  tests_passed=$((tests_passed + 1))
}

fuzz_cycle() {
  run_stage "fuzz: configure" cmake --preset fuzz || return 1
  run_stage "fuzz: build" cmake --build --preset fuzz --target fuzzers -j"${JOBS}" || return 1
  local fuzzers=()
  if [[ -d build/fuzz/tests/fuzz ]]; then
    mapfile -t fuzzers < <(find "${ROOT}/build/fuzz/tests/fuzz" -maxdepth 1 -type f \
      -name '*_fuzzer' -perm -u+x | sort)
  fi
  if ((${#fuzzers[@]} == 0)); then
    banner "fuzz: run"
    echo "test.sh: warning: no *_fuzzer executables in build/fuzz/tests/fuzz/"
    stage_names+=("fuzz: run")
    stage_results+=("SKIP  (no fuzzers built)")
    return 0
  fi
  local f status=0
  for f in "${fuzzers[@]}"; do
    run_stage "fuzz: $(basename "${f}") ${FUZZ_SECONDS} s" run_fuzzer "${f}" || status=1
  done
  return "${status}"
}

started=${SECONDS}
if [[ ${SKIP_SETUP:-0} == 1 ]]; then
  echo "test.sh: SKIP_SETUP=1, not running tools/setup.sh"
else
  run_stage "setup" bash tools/setup.sh || {
    echo "test.sh: tools/setup.sh failed; nothing else can run" >&2
    exit 1
  }
fi

# The database tests run against SQLite and PostgreSQL. CI starts the server
# (.ci/run); run by hand, this script starts a private one for the run.
if [[ -z ${MINITWITTER_TEST_POSTGRES_URL:-} ]]; then
  if [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
    # Its own folder, not under WORK: the server runs as `postgres`, which cannot
    # enter a root-only folder.
    own_postgres=$(mktemp -d "${TMPDIR:-/tmp}/minitwitter-test-pg.XXXXXX")
    MINITWITTER_TEST_POSTGRES_URL=$(bash tools/postgres-cluster.sh start "${own_postgres}")
    export MINITWITTER_TEST_POSTGRES_URL MINITWITTER_REQUIRE_POSTGRES=1
    echo "test.sh: PostgreSQL test cluster in ${own_postgres}"
  else
    echo "test.sh: warning: no PostgreSQL 15; database tests run against SQLite only"
  fi
fi

overall=0
preset_cycle release || overall=1
if [[ ${SKIP_ASAN:-0} == 1 ]]; then
  stage_names+=("asan")
  stage_results+=("SKIP  (SKIP_ASAN=1)")
else
  preset_cycle asan || overall=1
fi
if [[ ${SKIP_FUZZ:-0} == 1 ]]; then
  stage_names+=("fuzz")
  stage_results+=("SKIP  (SKIP_FUZZ=1)")
else
  fuzz_cycle || overall=1
fi

banner "summary ($((SECONDS - started)) s)"
for i in "${!stage_names[@]}"; do
  printf '  %-40s %s\n' "${stage_names[i]}" "${stage_results[i]}"
done
if ((overall == 0)); then
  echo "test.sh: all stages passed"
else
  echo "test.sh: SOME STAGES FAILED (see above)"
fi
# Closing line in the plain form CI reads: ctest cases of every preset plus fuzzers.
echo "tests: ${tests_passed} passed, ${tests_failed} failed"
exit "${overall}"
