#!/usr/bin/env bash
# A private PostgreSQL 15 cluster in a folder of its own, for tests and benchmarks:
# never the machine's system cluster, never a service that outlives its user.
#
#   tools/postgres-cluster.sh start DIR [PORT]   create (first time) and start; prints the URL
#   tools/postgres-cluster.sh stop DIR           fast shutdown
#   tools/postgres-cluster.sh restart DIR        stop then start on the same port
#   tools/postgres-cluster.sh url DIR            the URL of a cluster made here
#   tools/postgres-cluster.sh destroy DIR        stop and delete the folder
#
# The cluster listens on 127.0.0.1 only, holds the database `twitter` owned by the role
# `minitwitter` with a random password (kept in DIR/password, mode 0600), and accepts
# password (SCRAM) logins from 127.0.0.1. PostgreSQL refuses to run as root, so as root
# the folder is owned by, and the server runs as, the `postgres` user: DIR must be
# reachable by that user (not inside a root-only folder such as a plain mktemp -d).
set -euo pipefail

die() {
  printf 'postgres-cluster: error: %s\n' "$*" >&2
  exit 1
}

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[[ -x ${PG_BIN}/pg_ctl ]] || die "PostgreSQL 15 is not installed (no ${PG_BIN}/pg_ctl); run tools/setup.sh"

command=${1:-}
dir=${2:-}
[[ -n ${command} && -n ${dir} ]] || die "usage: $0 start|stop|restart|url|destroy DIR [PORT]"
mkdir -p "${dir}"
dir=$(cd "${dir}" && pwd)
data=${dir}/data

as_owner() {
  if [[ ${EUID} -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

url() {
  [[ -f ${dir}/port && -f ${dir}/password ]] || die "no cluster in ${dir}"
  printf 'postgresql://minitwitter:%s@127.0.0.1:%s/twitter\n' "$(cat "${dir}/password")" "$(cat "${dir}/port")"
}

pg_start() {
  as_owner "${PG_BIN}/pg_ctl" -D "${data}" -l "${dir}/server.log" -w -t 60 \
    -o "-p $(cat "${dir}/port") -k ${dir} -c listen_addresses=127.0.0.1" start >/dev/null ||
    die "the server did not start; see ${dir}/server.log"
}

create() {
  local port=$1
  [[ -n ${port} ]] || port=$(free_port)
  printf '%s\n' "${port}" >"${dir}/port"
  (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' 'xy' >"${dir}/password")
  if [[ ${EUID} -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' user to run the server as"
    chown -R postgres: "${dir}"
    runuser -u postgres -- test -w "${dir}" ||
      die "${dir} is not reachable by the postgres user (is a parent folder root-only?)"
  fi
  as_owner "${PG_BIN}/initdb" -D "${data}" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"${dir}/initdb.log" 2>&1 || die "initdb failed; see ${dir}/initdb.log"
  # Tests and benchmarks run many short-lived servers; durability still holds (fsync on).
  cat >>"${data}/postgresql.conf" <<EOF
max_connections = 200
shared_buffers = 128MB
unix_socket_permissions = 0777
EOF
  pg_start
  local password
  password=$(cat "${dir}/password")
  as_owner "${PG_BIN}/psql" -h "${dir}" -p "${port}" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE minitwitter LOGIN PASSWORD '${password}'" \
    -c "CREATE DATABASE twitter OWNER minitwitter" >/dev/null
}

case ${command} in
  start)
    if [[ ! -f ${data}/PG_VERSION ]]; then
      create "${3:-}"
    elif ! as_owner "${PG_BIN}/pg_ctl" -D "${data}" status >/dev/null 2>&1; then
      pg_start
    fi
    url
    ;;
  stop)
    [[ -f ${data}/PG_VERSION ]] || exit 0
    as_owner "${PG_BIN}/pg_ctl" -D "${data}" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  restart)
    as_owner "${PG_BIN}/pg_ctl" -D "${data}" -m fast -w stop >/dev/null 2>&1 || true
    pg_start
    ;;
  url)
    url
    ;;
  destroy)
    if [[ -f ${data}/PG_VERSION ]]; then
      as_owner "${PG_BIN}/pg_ctl" -D "${data}" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "${dir}"
    ;;
  *) die "unknown command '${command}'" ;;
esac
