#!/usr/bin/env bash
# The GraphQL engine against graphql-js, in one run: the same schema, query, variables,
# data and resolvers (tests/benchmarks/graphql/), parse + validate + execute, and the
# same with the response written as JSON. Prints ops/s of both and their ratio.
#
# Usage: tools/bench-graphql.sh [BENCHMARK_BINARY]
#   default binary: build/release/tests/benchmarks/graphql_execution_benchmark
# Environment: SECONDS_PER_CASE=5 (graphql-js), ROUNDS=3 (alternating rounds; medians)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=${1:-build/release/tests/benchmarks/graphql_execution_benchmark}
readonly SECONDS_PER_CASE=${SECONDS_PER_CASE:-5}
readonly ROUNDS=${ROUNDS:-3}
die() {
  printf 'bench-graphql: error: %s\n' "$*" >&2
  exit 1
}
[[ -x ${bin} ]] || die "${bin} not built (cmake --preset release && cmake --build --preset release)"
command -v node >/dev/null || die "node not found; run tools/setup.sh"
[[ -d tests/api/oracle/node_modules/graphql ]] || die "graphql-js not installed; run tools/setup.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-graphql.XXXXXX")
trap 'rm -rf "${work}"' EXIT
for ((round = 1; round <= ROUNDS; round++)); do
  printf 'bench-graphql: round %d/%d\n' "${round}" "${ROUNDS}" >&2
  "${bin}" --benchmark_filter='^BM_ParseValidateExecute(ToJson)?$' --benchmark_min_time=2 \
    --benchmark_format=json >"${work}/cpp-${round}.json" 2>/dev/null
  node tests/api/oracle/bench-graphqljs.mjs tests/benchmarks/graphql --json \
    --seconds "${SECONDS_PER_CASE}" >"${work}/js-${round}.json"
done

python3 - "${work}" "${ROUNDS}" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
cases = ["ParseValidateExecute", "ParseValidateExecuteToJson"]
cpp = {c: [] for c in cases}
js = {c: [] for c in cases}
for r in range(1, rounds + 1):
    for b in json.load(open(f"{work}/cpp-{r}.json"))["benchmarks"]:
        name = b["name"].removeprefix("BM_")
        if name in cpp:
            seconds = b["cpu_time"] * {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1}[b["time_unit"]]
            cpp[name].append(1 / seconds)
    doc = json.load(open(f"{work}/js-{r}.json"))
    for name in cases:
        if name in doc["benchmarks"]:
            js[name].append(doc["benchmarks"][name]["opsPerSec"])
print(f"{'case':<28} {'C++ ops/s':>12} {'graphql-js ops/s':>17} {'ratio':>7}")
for name in cases:
    c, j = statistics.median(cpp[name]), statistics.median(js[name]) if js[name] else float("nan")
    print(f"{name:<28} {c:>12,.0f} {j:>17,.0f} {c / j:>7.1f}")
print(f"\nmedians of {rounds} alternating round(s); C++ CPU time per op, graphql-js wall time on one thread")
PY
