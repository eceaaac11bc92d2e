#!/usr/bin/env bash
# quickstart: from a fresh Debian 12 machine as root, install what the project needs
# (tools/setup.sh), build the three binaries of the release preset, run the quickstart
# experiment (experiments/quickstart.toml) on an emulated Mininet network, or on
# loopback where Mininet cannot run, and write its report. The last lines name the
# report's files. (tools/serve.sh builds and serves the site instead.)
#
#   bash tools/quickstart.sh                     # Mininet if it can run here
#   bash tools/quickstart.sh --loopback          # processes on 127.0.0.1, no emulation
#   bash tools/quickstart.sh --set workload.duration=20s --set repetitions=1
#
# MINITWITTER_BUILD_DIR: the build folder, relative to the repository (default
# build/release, the release preset's).
# Results: results/quickstart/<UTC timestamp>/, the report in its report/ folder.
# Exit codes: 0 done · 1 a step or a run failed (a failed run is still reported) · 2 bad
# arguments, config or --set · 130 interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly CONFIG=experiments/quickstart.toml
BUILD_DIR=${MINITWITTER_BUILD_DIR:-build/release}
readonly EXPERIMENT="${BUILD_DIR}/experiment/app/minitwitter-experiment"

say() { printf 'quickstart: %s\n' "$*"; }
die() {
  local code=$1
  shift
  printf 'quickstart: error: %s\n' "$*" >&2
  exit "${code}"
}
usage() {
  sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//p}' "$0"
}

loopback=0
sets=()
while (($# > 0)); do
  case $1 in
    --loopback) loopback=1 ;;
    --set)
      (($# >= 2)) || die 2 "--set needs key=value, as in --set workload.duration=20s"
      sets+=(--set "$2")
      shift
      ;;
    --set=*) sets+=(--set "${1#--set=}") ;;
    -h | --help)
      usage
      exit 0
      ;;
    *) die 2 "unknown argument '$1' (try --help)" ;;
  esac
  shift
done

# "4m12s", "38s".
duration() {
  local seconds=$1
  if ((seconds >= 60)); then
    printf '%dm%02ds' $((seconds / 60)) $((seconds % 60))
  else
    printf '%ds' "${seconds}"
  fi
}

timings=()
step_started=0
begin() {
  step_started=${SECONDS}
  printf '\n==> %s\n' "$1"
}
finish() {
  timings+=("$1 $(duration $((SECONDS - step_started)))")
}

begin "installing what the project needs (tools/setup.sh)"
bash tools/setup.sh || die 1 "tools/setup.sh failed (exit $?): see above"
finish setup

begin "building minitwitter, minitwitter-client and minitwitter-experiment in ${BUILD_DIR}"
cmake --preset release -B "${BUILD_DIR}" >/dev/null ||
  die 1 "configuring the release preset in ${BUILD_DIR} failed: see above"
cmake --build "${BUILD_DIR}" --target minitwitter minitwitter-client minitwitter-experiment \
  -j"$(nproc)" || die 1 "the build failed: see above"
finish build

# A config or --set mistake is exit code 2 too: find it before a code 2 can mean a
# missing prerequisite.
"${EXPERIMENT}" run "${CONFIG}" "${sets[@]}" --dry-run >/dev/null ||
  die 2 "${CONFIG} with these --set options is not a valid experiment: see above"

# What Mininet lacks here, one reason a line; nothing when it can run: the runner's own
# prerequisite check (`run --check`: exit code 2 and one line per missing piece).
mininet_problems() {
  local output code=0
  output=$("${EXPERIMENT}" run "${CONFIG}" "${sets[@]}" --check 2>&1 >/dev/null) || code=$?
  ((code == 2)) || return 0
  printf '%s\n' "${output}" | sed 's/^minitwitter-experiment: //'
}

run_experiment() {
  local backend=$1 out=$2
  local args=(run "${CONFIG}" "${sets[@]}" --out "${out}")
  [[ ${backend} == loopback ]] && args+=(--loopback)
  "${EXPERIMENT}" "${args[@]}"
}

backend=mininet
if ((loopback)); then
  backend=loopback
else
  problems=$(mininet_problems)
  if [[ -n ${problems} ]]; then
    reasons=""
    while IFS= read -r line; do
      reasons+="${reasons:+; }${line}"
    done <<<"${problems}"
    say "Mininet cannot run here (${reasons}): running on loopback instead, without network" \
      "emulation"
    backend=loopback
  fi
fi

out="results/quickstart/$(date -u +%Y-%m-%dT%H-%M-%SZ)"
begin "running ${CONFIG} on ${backend} (results in ${out})"
code=0
run_experiment "${backend}" "${out}" || code=$?
case ${code} in
  0) ;;
  1) say "a run of the experiment failed (its reason is in ${out}/summary.csv); reporting the rest" ;;
  130) die 130 "interrupted; what was measured is in ${out}" ;;
  *) die 1 "minitwitter-experiment run failed (exit ${code}): see above" ;;
esac
finish "run on ${backend}"
run_code=${code}

begin "writing the report"
"${EXPERIMENT}" report "${out}" || die 1 "minitwitter-experiment report ${out} failed (exit $?)"
finish report
for file in report.html report.md; do
  [[ -s ${out}/report/${file} ]] || die 1 "the report did not write ${out}/report/${file}"
done

echo
steps=$(IFS=,; printf '%s' "${timings[*]}" | sed 's/,/, /g')
if ((run_code == 0)); then
  say "done in $(duration "${SECONDS}") (${steps})"
else
  say "finished in $(duration "${SECONDS}") (${steps}), but a run failed: see ${out}/summary.csv"
fi
say "report: $(realpath "${out}/report/report.html")"
say "        $(realpath "${out}/report/report.md")"
exit "${run_code}"
