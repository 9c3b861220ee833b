#!/usr/bin/env bash
# Smoke test: the gateway reports UP, every service is ready, and every service exports JVM metrics to Prometheus.
# Gets GATEWAY_URL from deploy/local/test; service ports come from the same defaults as the platform scripts.
set -euo pipefail
# shellcheck source=deploy/local/smoke.d/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

# Body of a GET, or nothing; never fails (the check decides).
fetch() { curl -s --connect-timeout 2 --max-time 10 "$1" 2>/dev/null || true; }

gateway_reports_up() {
  local body
  # 200 alone is not enough (UNKNOWN also maps to 200); the body must say UP.
  [[ $(http_status "$GATEWAY_URL/actuator/health") == 200 ]] || return 1
  body=$(fetch "$GATEWAY_URL/actuator/health")
  [[ $body =~ ^\{\"status\":\"UP\" || $body =~ \"status\":\"UP\"\}$ ]]
}

# `up` returns once readiness is 200; the aggregate health also covers components that finish starting a few seconds
# later (the outbox relay's Debezium engine), so the gateway gets a bounded minute to report UP before this fails.
gateway_up() {
  local deadline=$((SECONDS + 60))
  until gateway_reports_up; do
    ((SECONDS < deadline)) || return 1
    sleep 2
  done
}

service_ready() { [[ $(http_status "$(service_readiness_url "$1")") == 200 ]]; }

service_has_jvm_metrics() {
  local url
  url=$(service_url "$1")/actuator/prometheus
  fetch "$url" | grep -q '^jvm_memory_used_bytes'
}

echo "10-health against $GATEWAY_URL"
check "gateway /actuator/health is UP" gateway_up
for name in "${SERVICES[@]}"; do
  check "$name readiness is 200" service_ready "$name"
  check "$name /actuator/prometheus has jvm_memory_used_bytes" service_has_jvm_metrics "$name"
done
finish 10-health
