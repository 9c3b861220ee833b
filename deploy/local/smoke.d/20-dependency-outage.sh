#!/usr/bin/env bash
# Smoke test: a service that loses Kafka or its database reports not-ready with one clear log line, and turns ready
# again by itself once the dependency is back (restarted here with `up`, as an operator would).
set -euo pipefail
# shellcheck source=deploy/local/lib/platform.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/../lib/platform.sh"
LOG_TAG="20-dependency-outage"

TIMEOUT=${DOCMATRIX_OUTAGE_TIMEOUT:-60}

readiness_of() { http_status "$(service_readiness_url "$1")"; }

# await DESCRIPTION COMMAND...: retries COMMAND once a second until it succeeds or TIMEOUT passes.
await() {
  local description=$1 deadline=$((SECONDS + TIMEOUT))
  shift
  until "$@"; do
    if ((SECONDS >= deadline)); then
      warn "gave up after ${TIMEOUT}s waiting until $description"
      return 1
    fi
    sleep 1
  done
  log "ok: $description"
}

all_not_ready() {
  local name
  for name in "${SERVICES[@]}"; do
    [[ $name == config-server ]] && continue
    [[ $(readiness_of "$name") != 200 ]] || return 1
  done
}

all_ready() {
  local name
  for name in "${SERVICES[@]}"; do
    [[ $(readiness_of "$name") == 200 ]] || return 1
  done
}

logged() { grep -q -- "$2" "$(service_log "$1")"; }

outage() {
  local dependency=$1
  log "stopping $dependency"
  "$ROOT/deploy/local/down" "$dependency" >/dev/null
  await "every service reports not-ready without $dependency" all_not_ready
  await "ingestion-service logged that $dependency is unreachable" \
    logged ingestion-service "Dependency $dependency became unreachable"
  log "bringing $dependency back with deploy/local/up"
  "$ROOT/deploy/local/up" >/dev/null
  await "every service is ready again" all_ready
  await "ingestion-service logged the recovery of $dependency" \
    logged ingestion-service "Dependency $dependency is reachable again"
}

outage kafka
outage postgres
echo "20-dependency-outage: services went not-ready and recovered by themselves for kafka and postgres"
