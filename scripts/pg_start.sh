#!/usr/bin/env bash
# Start a local PostgreSQL server for the archive tests (Debian's package) and print its URL.
# Used by .ci/run; safe to run again. Needs root (apt-get, service).
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  service postgresql start >/dev/null 2>&1 || pg_ctlcluster "$(pg_lsclusters -h | awk 'NR==1{print $1}')" main start
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='root'\"" | grep -q 1 \
  || su postgres -c "psql -qc 'create role root superuser login'"
echo "postgresql:///postgres?host=/var/run/postgresql"
