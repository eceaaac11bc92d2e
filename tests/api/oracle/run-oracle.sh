#!/usr/bin/env bash
# Runs one oracle comparison between the C++ engine and graphql-js (see README.md).
# Usage: run-oracle.sh validation|introspection TOOL
# Needs Node.js and `npm ci` done here (tools/setup.sh does both); a missing
# node_modules is an error, not a skip, so CI cannot pass without the oracle.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
what=$1
tool=$2
[[ -d node_modules/graphql ]] || {
  echo "run-oracle: node_modules missing; run tools/setup.sh (or npm ci here)" >&2
  exit 1
}
out=$(mktemp -d "${TMPDIR:-/tmp}/graphql-oracle.XXXXXX")
trap 'rm -rf "${out}"' EXIT
case ${what} in
  validation)
    node validate-corpus.mjs --out "${out}/graphqljs.json"
    "${tool}" verdicts corpus/schema.graphql corpus/documents >"${out}/cpp.json"
    node compare-verdicts.mjs "${out}/graphqljs.json" "${out}/cpp.json"
    ;;
  introspection)
    node print-introspection-query.mjs >"${out}/query.graphql"
    for schema in corpus/schema.graphql ../../benchmarks/graphql/schema.graphql; do
      "${tool}" execute "${schema}" "${out}/query.graphql" >"${out}/result.json"
      node introspection-compare.mjs "${schema}" "${out}/result.json"
    done
    ;;
  *)
    echo "run-oracle: unknown comparison '${what}'" >&2
    exit 2
    ;;
esac
