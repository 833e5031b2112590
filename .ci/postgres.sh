#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite and prints its JDBC base URL.
# Installs Debian's postgresql when missing (CI's fresh machine), runs the server as the
# `postgres` user when called as root (initdb refuses root), listens on 127.0.0.1 only.
#
#   eval "$(.ci/postgres.sh)"   # exports INCIDENT_TEST_POSTGRES=jdbc:postgresql://127.0.0.1:PORT/postgres?user=...&password=...
#
# Data lives in ${PGTEST_DIR:-/tmp/incident-bot-pgtest}; a second call reuses a running server.
set -euo pipefail
PORT="${PGTEST_PORT:-54329}"
DIR="${PGTEST_DIR:-/tmp/incident-bot-pgtest}"
PASSWORD="incident-bot-test"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q >&2
  $SUDO apt-get install -y -q postgresql >&2
fi
BIN="$(bindir)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if ! as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
  mkdir -p "$DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    echo "$PASSWORD" > "$DIR/pw"; [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR/pw"
    as_pg "$BIN/initdb" -D "$DIR/data" -U incident_test --pwfile="$DIR/pw" -A scram-sha-256 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2 \
    || { cat "$DIR/server.log" >&2; exit 1; }
fi
echo "export INCIDENT_TEST_POSTGRES='jdbc:postgresql://127.0.0.1:$PORT/postgres?user=incident_test&password=$PASSWORD'"
