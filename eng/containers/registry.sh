#!/usr/bin/env bash
# A throw-away OCI registry (CNCF distribution, Debian's docker-registry) on 127.0.0.1 and a free port.
#   eng/containers/registry.sh start STATE_DIR   -> prints 127.0.0.1:PORT; STATE_DIR keeps pid, port, storage, log
#   eng/containers/registry.sh stop STATE_DIR    -> stops the registry started there (by its PID) and removes STATE_DIR
# Starting again with a live registry in STATE_DIR reuses it.
set -euo pipefail
command="${1:?usage: registry.sh start|stop STATE_DIR}"
state="${2:?usage: registry.sh start|stop STATE_DIR}"

is_ours() { # the PID in STATE_DIR is alive and is a registry
  [ -f "$state/pid" ] || return 1
  local pid; pid="$(cat "$state/pid")"
  [ -d "/proc/$pid" ] && grep -q "docker-registry" "/proc/$pid/cmdline" 2>/dev/null
}

case "$command" in
  start)
    if is_ours && [ -f "$state/address" ]; then cat "$state/address"; exit 0; fi
    command -v docker-registry >/dev/null || { echo "docker-registry is not installed (eng/ci/containers.sh)" >&2; exit 3; }
    mkdir -p "$state/storage"
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    cat > "$state/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $state/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
    nohup docker-registry serve "$state/config.yml" > "$state/registry.log" 2>&1 &
    pid=$!
    echo "$pid" > "$state/pid"
    for _ in $(seq 1 100); do
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" 2>/dev/null; then
        echo "127.0.0.1:$port" | tee "$state/address"
        exit 0
      fi
      # Gone, not merely slow: until the background shell has exec'd the registry, its command line is this script's.
      [ -d "/proc/$pid" ] || break
      sleep 0.1
    done
    echo "the registry did not answer on 127.0.0.1:$port:" >&2; cat "$state/registry.log" >&2
    is_ours && kill "$pid"
    exit 1
    ;;
  stop)
    if is_ours; then
      pid="$(cat "$state/pid")"
      kill "$pid"
      for _ in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
    fi
    rm -rf "$state"
    ;;
  *) echo "usage: registry.sh start|stop STATE_DIR" >&2; exit 2 ;;
esac
