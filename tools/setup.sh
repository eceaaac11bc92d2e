#!/usr/bin/env bash
# Installs every Debian package minitwitter needs to build, test and benchmark.
# Idempotent: packages already installed are left alone, and the package index is
# refreshed only when something has to be installed. Run as root.
#
# To add a dependency, add one line to PACKAGES below.
set -euo pipefail

PACKAGES=(
  # --- build ---------------------------------------------------------------------
  build-essential
  cmake
  ninja-build
  clang
  clang-format
  clang-tidy
  libclang-rt-14-dev # libFuzzer and the sanitizer runtimes for clang
  libcli11-dev
  nlohmann-json3-dev
  libfmt-dev
  libpqxx-dev    # PostgreSQL client (libpqxx 6.4 over libpq)
  libsqlite3-dev # the embedded default database
  libsodium-dev  # Argon2id password hashing, session tokens
  libcpp-httplib-dev # the HTTP client under minitwitter-client
  libtomlplusplus-dev # scenario files and experiment configs (toml++)
  # --- run -----------------------------------------------------------------------
  postgresql-15 # the server the tests, benchmarks and experiments start privately (pgbench too)
  sqlite3
  # --- experiments ---------------------------------------------------------------
  mininet       # the emulated networks (Python API; run with Debian's /usr/bin/python3)
  bridge-utils  # brctl: Mininet's Linux-bridge switches (no Open vSwitch module here)
  ethtool       # Mininet switches offloads off with it
  iproute2      # ip, tc: hosts, links, bandwidth shaping
  iputils-ping
  haproxy       # the load balancer of the load-balancer experiment (never a service)
  gnuplot-nox   # the plots of `minitwitter-experiment report` (SVG and PNG, no X)
  # --- test ----------------------------------------------------------------------
  libgtest-dev
  libgmock-dev
  chromium # headless browser for tests/browser (driven by playwright-core, which never downloads one)
  redis-tools # redis-cli and redis-benchmark, clients for the RESP protocol tests
  curl
  procps
  psmisc
  python3
  # --- benchmark -----------------------------------------------------------------
  libbenchmark-dev
  libhttp-parser-dev # nodejs/http-parser, the reference in http_parser_benchmark
  wrk
  nginx-light # the reference server in tools/bench-http.sh (never run as a service)
)

log() { printf 'setup: %s\n' "$*"; }
die() {
  printf 'setup: error: %s\n' "$*" >&2
  exit 1
}

if [[ ${EUID} -ne 0 ]]; then
  die "must run as root (it installs Debian packages); try: sudo bash $0"
fi
command -v dpkg-query >/dev/null || die "dpkg-query not found: this script supports Debian only"

is_installed() {
  local status
  status=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) || return 1
  [[ ${status} == "install ok installed" ]]
}

present=()
missing=()
for pkg in "${PACKAGES[@]}"; do
  if is_installed "${pkg}"; then
    present+=("${pkg}")
  else
    missing+=("${pkg}")
  fi
done

if ((${#present[@]} > 0)); then
  log "already installed: ${present[*]}"
fi

# Package scripts must not start services (nginx) while we install: a policy-rc.d
# that answers 101 ("action forbidden") is Debian's documented way to say so. If the
# machine already has one (containers often do) it is left as it is.
POLICY_RC=/usr/sbin/policy-rc.d
policy_rc_ours=0
remove_policy_rc() {
  if ((policy_rc_ours)); then
    rm -f "${POLICY_RC}"
  fi
}
trap remove_policy_rc EXIT

if ((${#missing[@]} > 0)); then
  log "installing: ${missing[*]}"
  if [[ ! -e ${POLICY_RC} ]]; then
    printf '#!/bin/sh\n# temporary, from minitwitter tools/setup.sh\nexit 101\n' >"${POLICY_RC}"
    chmod 755 "${POLICY_RC}"
    policy_rc_ours=1
  fi
  # minitwitter runs PostgreSQL only in private clusters (tools/postgres-cluster.sh);
  # the package need not create, and must not start, a system cluster on port 5432.
  if [[ ! -e /etc/postgresql-common/createcluster.d/minitwitter.conf ]]; then
    mkdir -p /etc/postgresql-common/createcluster.d
    printf 'create_main_cluster = false\n' >/etc/postgresql-common/createcluster.d/minitwitter.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  log "running apt-get update"
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
  remove_policy_rc
  policy_rc_ours=0
  for pkg in "${missing[@]}"; do
    is_installed "${pkg}" || die "package ${pkg} is still not installed after apt-get install"
  done
  log "installed: ${missing[*]}"
else
  log "nothing to install"
fi

# nginx is only a benchmark reference that tools/bench-http.sh starts with its own
# configuration: the distribution's service must be neither running nor enabled.
if [[ -e /lib/systemd/system/nginx.service || -e /etc/init.d/nginx ]]; then
  if [[ -s /run/nginx.pid ]] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
    log "stopping the nginx system service (the benchmark runs its own nginx)"
    if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
      systemctl stop nginx.service
    else
      /usr/sbin/nginx -s quit || kill "$(cat /run/nginx.pid)"
    fi
  fi
  if compgen -G '/etc/systemd/system/*.wants/nginx.service' >/dev/null ||
    compgen -G '/etc/rc[2-5].d/S*nginx' >/dev/null; then
    log "disabling the nginx system service"
    # Both only edit links, so they work without a running systemd (containers, CI).
    if command -v systemctl >/dev/null; then
      systemctl --quiet disable nginx.service 2>/dev/null || true
    fi
    rm -f /etc/systemd/system/*.wants/nginx.service
    update-rc.d nginx disable >/dev/null 2>&1 || true
  fi
fi

log "all ${#PACKAGES[@]} packages present"

# Node.js and npm for the GraphQL oracle tests (graphql-js, graphql-http): not in
# PACKAGES because a newer Node.js than Debian's may already be installed, and Debian's
# npm package would replace it. setup-node.sh installs Debian's nodejs and npm only
# when node is missing or older than 18, then runs `npm ci` in tests/api/oracle when
# its node_modules is missing or stale.
bash "$(dirname "${BASH_SOURCE[0]}")/setup-node.sh"
