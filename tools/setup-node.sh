#!/usr/bin/env bash
# Makes Node.js (18 or newer) and npm available, and installs the npm packages pinned by
# the package-lock.json files of the GraphQL oracle tests (tests/api/oracle: graphql-js
# and graphql-http), the browser tests (tests/browser: playwright-core) and GraphiQL
# (site/graphiql: graphiql, react, react-dom, whose browser bundles it copies into
# site/graphiql/vendor/). Called by tools/setup.sh; can be run on its own.
#
# Idempotent: a Node.js of 18 or newer is left as it is, whatever installed it (here
# it may be a newer one than Debian's); only when node is missing or older does this
# install Debian's nodejs and npm packages. `npm ci` runs in a folder only when its
# node_modules is missing or older than its package-lock.json.
# Installing Debian packages needs root; `npm ci` does not.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ORACLE_DIR=${ROOT}/tests/api/oracle
BROWSER_TESTS_DIR=${ROOT}/tests/browser
GRAPHIQL_DIR=${ROOT}/site/graphiql
MIN_NODE_MAJOR=18

log() { printf 'setup-node: %s\n' "$*"; }
die() {
  printf 'setup-node: error: %s\n' "$*" >&2
  exit 1
}

node_major() {
  local v
  v=$(node --version 2>/dev/null) || return 1
  v=${v#v}
  printf '%s' "${v%%.*}"
}

apt_install() {
  [[ ${EUID} -eq 0 ]] || die "must run as root to install Debian packages ($*); try: sudo bash $0"
  export DEBIAN_FRONTEND=noninteractive
  log "running apt-get update"
  apt-get update -q
  log "installing Debian packages: $*"
  apt-get install -y -q --no-install-recommends "$@"
}

# --- Node.js ----------------------------------------------------------------------
major=$(node_major || true)
if [[ -z ${major} ]]; then
  log "node not found"
  apt_install nodejs npm
elif ((major < MIN_NODE_MAJOR)); then
  log "node $(node --version) is older than ${MIN_NODE_MAJOR}"
  apt_install nodejs npm
else
  log "node $(node --version) is present"
fi
major=$(node_major || true)
if [[ -z ${major} ]] || ((major < MIN_NODE_MAJOR)); then
  die "still no node ${MIN_NODE_MAJOR} or newer after installing Debian's nodejs"
fi

# --- npm (Debian's nodejs ships without it; other builds of Node.js bundle it) ----
if ! command -v npm >/dev/null; then
  log "npm not found"
  apt_install npm
fi
command -v npm >/dev/null || die "npm is still missing"
log "npm $(npm --version) is present"

# --- npm packages, pinned by each folder's package-lock.json ---------------------------
# npm_ci_if_stale DIR: runs `npm ci` in DIR when its node_modules is missing or older
# than package.json or package-lock.json. npm writes node_modules/.package-lock.json on
# every install: it is the stamp.
npm_ci_if_stale() {
  local dir=$1 name=${1#"${ROOT}"/}
  if [[ ! -f ${dir}/package-lock.json ]]; then
    log "no ${name}/package-lock.json: nothing to install"
    return 0
  fi
  local stamp=${dir}/node_modules/.package-lock.json reason=""
  if [[ ! -f ${stamp} ]]; then
    reason="node_modules is missing"
  elif [[ ${dir}/package-lock.json -nt ${stamp} || ${dir}/package.json -nt ${stamp} ]]; then
    reason="package-lock.json is newer than node_modules"
  fi
  if [[ -z ${reason} ]]; then
    log "${name}/node_modules is up to date"
    return 0
  fi
  log "installing the npm packages of ${name} (${reason}): npm ci"
  (cd "${dir}" && npm ci --no-audit --no-fund)
  # The direct dependencies with their versions, and how many packages came in all.
  log "installed: $(cd "${dir}" && node -e 'const l=require("./package-lock.json").packages;const d=Object.keys(l[""].dependencies||{});console.log(d.map((n)=>n+"@"+l["node_modules/"+n].version).join(" ")+" ("+(Object.keys(l).length-1)+" packages in all)")')"
}

# The graphql-js oracle (tests/api/oracle: graphql-js and graphql-http).
npm_ci_if_stale "${ORACLE_DIR}"
# The browser tests (tests/browser: playwright-core, which drives Debian's chromium
# and never downloads a browser of its own).
npm_ci_if_stale "${BROWSER_TESTS_DIR}"

# GraphiQL at /graphiql: its page loads a fixed set of browser bundles (and their
# licences) from site/graphiql/vendor/ (gitignored), copied afresh on every run so that
# they always match the installed versions.
npm_ci_if_stale "${GRAPHIQL_DIR}"
if [[ -f ${GRAPHIQL_DIR}/package-lock.json ]]; then
  vendor=${GRAPHIQL_DIR}/vendor
  modules=${GRAPHIQL_DIR}/node_modules
  rm -rf "${vendor}"
  mkdir -p "${vendor}"
  for file in react/umd/react.production.min.js \
    react-dom/umd/react-dom.production.min.js \
    graphiql/graphiql.min.js \
    graphiql/graphiql.min.css \
    react/LICENSE react-dom/LICENSE graphiql/LICENSE; do
    [[ -f ${modules}/${file} ]] || die "${modules}/${file} is missing after npm ci"
    target=${file##*/}
    # Three packages, three LICENSE files: each keeps its package's name.
    [[ ${target} == LICENSE ]] && target=${file%%/*}-LICENSE
    cp "${modules}/${file}" "${vendor}/${target}"
  done
  log "copied GraphiQL and React into ${vendor#"${ROOT}"/}"
fi
