#!/usr/bin/env bash
# The main job, end to end: pack the SDK and the template, install the template into a throw-away hive, generate
# a service, build it under the strict policy, run its admin, web and worker processes against a PostgreSQL
# server started here, commit it, and publish one release-labelled container image per process type to an OCI
# registry started here on 127.0.0.1 (the base image is built offline from this machine's .NET runtime). Installs
# what it needs first (eng/ci/*.sh, idempotent). Prints each step; stops and removes everything it started.
#   eng/quickstart.sh
#   QUICKSTART_BASE_IMAGE=host:port/dotnet/aspnet:10.0@sha256:... eng/quickstart.sh   # another base image
#   KEEP=1 eng/quickstart.sh                                                         # keep the generated service
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/twelvefactor-quickstart.XXXXXX)"
chmod 755 "$work"  # PostgreSQL runs as its own account when this runs as root
version="0.0.0-quickstart.$(date -u +%Y%m%d%H%M%S)"
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export NUGET_PACKAGES="${NUGET_PACKAGES:-$root/artifacts/tmp/nuget-packages}"
pids=()
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1 || true)"
as_postgres=(); [ "$(id -u)" = 0 ] && as_postgres=(runuser -u postgres -- env -C /)

step() { printf '\n== %s\n' "$*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  [ -f "$work/pg/data/postmaster.pid" ] && "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  [ -d "$work/registry" ] && bash "$root/eng/containers/registry.sh" stop "$work/registry" >/dev/null 2>&1 || true
  if [ "${KEEP:-}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

step "prerequisites (PostgreSQL; registry, skopeo, umoci, runc): installed when missing"
for script in "$root"/eng/ci/*.sh; do bash "$script"; done
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -1 || true)"

step "pack TwelveFactor.Sdk and TwelveFactor.Templates $version"
VERSION="$version" PACKAGE_OUTPUT="$work/feed" bash "$root/eng/pack.sh"

step "install the template into $work/hive"
dotnet new install "$work/feed/TwelveFactor.Templates.$version.nupkg" --debug:custom-hive "$work/hive" >/dev/null
dotnet new list 12f-service --debug:custom-hive "$work/hive" | tail -n +1

step "dotnet new 12f-service -n Orders"
dotnet new 12f-service -n Orders -o "$work/Orders" --debug:custom-hive "$work/hive"
cd "$work/Orders"
# The generated nuget.config lists the public feed; this run also needs the feed it just packed.
dotnet nuget add source "$work/feed" -n quickstart --configfile nuget.config >/dev/null
find . -type f | sort | sed 's/^/  /'

step "dotnet build -p:TwelveFactorPolicy=strict (the first restore writes packages.lock.json), then in CI mode"
dotnet build -p:TwelveFactorPolicy=strict -nologo -tl:off -clp:NoSummary -v minimal
CI=true dotnet build -p:TwelveFactorPolicy=strict -nologo -tl:off -clp:NoSummary -v quiet
echo "CI-mode build (locked restore): succeeded"

step "start PostgreSQL on 127.0.0.1"
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is not installed: run eng/ci/postgres.sh"; exit 1; }
mkdir -p "$work/pg" && [ ${#as_postgres[@]} -gt 0 ] && chown postgres "$work/pg"
pg_port="$(free_port)"
"${as_postgres[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U orders --auth=trust -E UTF8 --no-sync >/dev/null
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
"$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U orders -d postgres -c "CREATE DATABASE orders"
export DATABASE_URL="postgres://orders:unused@127.0.0.1:$pg_port/orders"
echo "DATABASE_URL=postgres://orders:***@127.0.0.1:$pg_port/orders"

bin() { echo "src/Orders.$1/bin/Debug/net10.0/Orders.$1.dll"; }
step "admin: migrate"
dotnet "$(bin Admin)" migrate

step "web and worker"
web_port="$(free_port)"
PORT="$web_port" dotnet "$(bin Web)" > "$work/web.log" & pids+=($!); web_pid=$!
WORKER_ID=worker-1 dotnet "$(bin Worker)" > "$work/worker.log" & pids+=($!); worker_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$web_port/readyz" >/dev/null && break; sleep 0.1; done
echo "GET /readyz -> $(curl -s "http://127.0.0.1:$web_port/readyz")"
echo "POST /jobs  -> $(curl -s -X POST "http://127.0.0.1:$web_port/jobs" -H 'Content-Type: application/json' -d '{"payload":"order 42","workMs":500}')"
echo "GET /jobs/1 -> $(curl -s "http://127.0.0.1:$web_port/jobs/1?waitSeconds=15")"
echo "jobs stats  -> $(dotnet "$(bin Admin)" jobs stats | tail -1)"
kill -TERM "$web_pid" "$worker_pid"
wait "$web_pid"; echo "web exited $? after SIGTERM"
wait "$worker_pid"; echo "worker exited $? after SIGTERM"
pids=()
echo "log events: web $(wc -l < "$work/web.log"), worker $(wc -l < "$work/worker.log") (one JSON object per line), e.g.:"
grep -m1 '"Job 1 completed' "$work/worker.log" | cut -c1-200

step "commit the service: a release names the commit it was built from (factor V)"
git init -q -b main . && git add -A
git -c user.name=quickstart -c user.email=quickstart@localhost commit -qm "Orders, from dotnet new 12f-service"
echo "commit $(git rev-parse HEAD)"

step "start an OCI registry on 127.0.0.1 and push an offline .NET base image to it"
registry="$(bash "$root/eng/containers/registry.sh" start "$work/registry")"
export DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry"
base="${QUICKSTART_BASE_IMAGE:-$(bash "$root/eng/containers/base-image.sh" "$registry")}"
echo "registry $registry, base image $base"

step "publish one release-labelled image per process type to $registry (strict policy)"
for process in Web Worker Admin; do
  dotnet publish "src/Orders.$process" -t:PublishContainer -nologo -tl:off -v minimal -p:TwelveFactorPolicy=strict \
    "-p:ContainerRegistry=$registry" "-p:ContainerBaseImage=$base" > "$work/publish-$process.log" 2>&1 \
    || { cat "$work/publish-$process.log"; exit 1; }
  repository="orders-$(echo "$process" | tr '[:upper:]' '[:lower:]')"
  tags="$(skopeo list-tags --tls-verify=false "docker://$registry/$repository" | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)["Tags"]))')"
  echo "$registry/$repository: tags $tags"
  skopeo inspect --tls-verify=false --config "docker://$registry/$repository:${tags%% *}" | python3 -c '
import json, sys
labels = json.load(sys.stdin)["config"]["Labels"]
for key in sorted(labels):
    if key.startswith(("org.opencontainers.image.", "io.twelvefactor.")):
        print(f"    {key}={labels[key]}")'
done
manifest="$(ls src/Orders.Web/bin/Release/net10.0/*/Orders.Web.release.json src/Orders.Web/bin/Release/net10.0/Orders.Web.release.json 2>/dev/null | head -1 || true)"
[ -n "$manifest" ] && echo "release manifest for deploy tooling: $manifest"

step "done: generated, built under strict policy, migrated, served, processed, stopped gracefully, released as images"
