#!/usr/bin/env bash
# Our HTTP request parser against the reference (nodejs/http-parser), in one
# invocation of the benchmark program: every BM_Parse<Request> that has a
# BM_Reference<Request> twin runs 5 times, and the medians are printed as a table
# (Markdown) with their ratio, reference / ours: above 1 means ours is faster.
#
# Usage: tools/bench-parser.sh [BENCHMARK_BINARY] [--json PATH]
#   BENCHMARK_BINARY  default build/release/tests/benchmarks/http_parser_benchmark
#   --json PATH       also keep Google Benchmark's JSON output there
# Environment:
#   REPETITIONS=5     runs of each benchmark; the table shows their medians
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly REPETITIONS=${REPETITIONS:-5}

die() {
  printf 'bench-parser: error: %s\n' "$*" >&2
  exit 1
}

bin=build/release/tests/benchmarks/http_parser_benchmark
json_out=""
while (($# > 0)); do
  case $1 in
    --json)
      (($# >= 2)) || die "--json needs a path"
      json_out=$2
      shift 2
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    -*) die "unknown option '$1' (try --help)" ;;
    *)
      bin=$1
      shift
      ;;
  esac
done

[[ ${REPETITIONS} =~ ^[1-9][0-9]*$ ]] || die "REPETITIONS must be a positive integer"
[[ -x ${bin} ]] || die "no benchmark program at ${bin} (build the release preset first)"
command -v python3 >/dev/null || die "python3 not found (bash tools/setup.sh installs it)"

# The requests measured by both parsers: names X with BM_ParseX and BM_ReferenceX.
mapfile -t names < <("${bin}" --benchmark_list_tests=true)
pairs=()
for name in "${names[@]}"; do
  if [[ ${name} =~ ^BM_Reference([A-Za-z0-9_]+)$ ]]; then
    request=${BASH_REMATCH[1]}
    for other in "${names[@]}"; do
      if [[ ${other} == "BM_Parse${request}" ]]; then
        pairs+=("${request}")
        break
      fi
    done
  fi
done
((${#pairs[@]} > 0)) || die "${bin} has no BM_Parse<X> / BM_Reference<X> pairs"
filter="^BM_(Parse|Reference)($(
  IFS='|'
  echo "${pairs[*]}"
))\$"

json=$(mktemp "${TMPDIR:-/tmp}/bench-parser.XXXXXX")
trap 'rm -f "${json}"' EXIT
echo "bench-parser: running ${bin}: ${#pairs[@]} requests x 2 parsers x ${REPETITIONS} runs" >&2
"${bin}" --benchmark_filter="${filter}" --benchmark_repetitions="${REPETITIONS}" \
  --benchmark_report_aggregates_only=true --benchmark_format=json >"${json}"
[[ -z ${json_out} ]] || cp "${json}" "${json_out}"

python3 - "${json}" "${pairs[@]}" <<'EOF'
import json
import sys

NS_PER = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}

path, requests = sys.argv[1], sys.argv[2:]
with open(path) as f:
    report = json.load(f)

medians = {}
for run in report["benchmarks"]:
    if run.get("error_occurred"):
        sys.exit(f"bench-parser: error: {run['name']}: {run.get('error_message', 'failed')}")
    if run.get("run_type") == "aggregate" and run.get("aggregate_name") == "median":
        medians[run["run_name"]] = run["real_time"] * NS_PER[run.get("time_unit", "ns")]

print("| request | ours ns (median) | reference ns (median) | ratio (reference/ours) |")
print("|---|---:|---:|---:|")
for request in requests:
    ours = medians.get(f"BM_Parse{request}")
    reference = medians.get(f"BM_Reference{request}")
    if ours is None or reference is None:
        sys.exit(f"bench-parser: error: no median for {request} in the benchmark output")
    print(f"| {request} | {ours:.1f} | {reference:.1f} | {reference / ours:.2f} |")
EOF
