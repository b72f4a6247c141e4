#!/usr/bin/env bash
# Installs PostgreSQL's server binaries for the template's behaviour tests (idempotent). The tests start their
# own throw-away server (initdb + pg_ctl, 127.0.0.1, a free port; as the 'postgres' account when run as root),
# so the packaged cluster is not needed and is left stopped.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../apt.sh"
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && id postgres >/dev/null 2>&1; then
  echo "PostgreSQL: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
  exit 0
fi
apt_get update -qq
apt_get install -y -qq --no-install-recommends postgresql >/dev/null
# The package starts a cluster on :5432; nothing here uses it.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters -h | while read -r version name _; do pg_ctlcluster "$version" "$name" stop 2>/dev/null || true; done
fi
echo "PostgreSQL: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
