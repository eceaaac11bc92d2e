#!/usr/bin/env bash
# Makes Node.js (18 or newer) and npm available, and installs the npm packages of the
# GraphQL oracle tests (tests/api/oracle: graphql-js and graphql-http, pinned by its
# package-lock.json). Called by tools/setup.sh; can be run on its own.
#
# Idempotent: a Node.js of 18 or newer is left as it is, whatever installed it (here
# it may be a newer one than Debian's); only when node is missing or older does this
# install Debian's nodejs and npm packages. `npm ci` runs only when
# tests/api/oracle/node_modules is missing or older than package-lock.json.
# Installing Debian packages needs root; `npm ci` does not.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ORACLE_DIR=${ROOT}/tests/api/oracle
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

# --- the oracle's npm packages ------------------------------------------------------
if [[ ! -f ${ORACLE_DIR}/package-lock.json ]]; then
  log "no ${ORACLE_DIR}/package-lock.json: nothing to install"
  exit 0
fi
# npm writes node_modules/.package-lock.json on every install: it is the stamp.
stamp=${ORACLE_DIR}/node_modules/.package-lock.json
if [[ ! -f ${stamp} ]]; then
  reason="node_modules is missing"
elif [[ ${ORACLE_DIR}/package-lock.json -nt ${stamp} || ${ORACLE_DIR}/package.json -nt ${stamp} ]]; then
  reason="package-lock.json is newer than node_modules"
else
  reason=""
fi
if [[ -n ${reason} ]]; then
  log "installing the npm packages of tests/api/oracle (${reason}): npm ci"
  (cd "${ORACLE_DIR}" && npm ci --no-audit --no-fund)
  log "installed: $(cd "${ORACLE_DIR}" && node -e 'const l=require("./package-lock.json").packages;console.log(Object.entries(l).filter(([k])=>k).map(([k,v])=>k.replace("node_modules/","")+"@"+v.version).join(" "))')"
else
  log "tests/api/oracle/node_modules is up to date"
fi
