#!/usr/bin/env bash
# Start a local PostgreSQL for the tests and print its SQLAlchemy URL (nothing, and exit 0, if it cannot).
# Tests that need it are skipped without a URL, except under CI=true, where they fail.
set -u
log() { echo "postgres.sh: $*" >&2; }
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing PostgreSQL from Debian's packages"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || { log "install failed"; exit 0; }
  else
    log "no PostgreSQL here; its tests will be skipped"; exit 0
  fi
fi
version=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1}')
cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $2}')
port=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $3}')
if [ -z "$version" ]; then log "no PostgreSQL cluster"; exit 0; fi
pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  su postgres -c "psql -p $port -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -p $port -qtAc \"select 1 from pg_roles where rolname='kb'\"" 2>/dev/null | grep -q 1 \
  || su postgres -c "psql -p $port -qc \"create role kb login password 'kb'\"" >/dev/null 2>&1
su postgres -c "psql -p $port -qtAc \"select 1 from pg_database where datname='kb_test'\"" 2>/dev/null | grep -q 1 \
  || su postgres -c "createdb -p $port -O kb kb_test" >/dev/null 2>&1
if su postgres -c "psql -p $port -qtAc 'select 1'" >/dev/null 2>&1; then
  echo "postgresql+psycopg://kb:kb@127.0.0.1:$port/kb_test"
else
  log "PostgreSQL did not start"
fi
