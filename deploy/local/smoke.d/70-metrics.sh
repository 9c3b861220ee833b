#!/usr/bin/env bash
# Smoke test: every metric the alert rules and dashboards query (deploy/monitoring/metrics.txt) is exported by at
# least one running service's /actuator/prometheus. Runs after the checks that create traffic (uploads, queries), so
# metrics that appear with the first request are present. Meters that would otherwise appear only with an event
# (dead letters, rate-limit refusals, findings by severity) are registered at zero at startup.
#   up                      Prometheus's own series per scrape target: not checked here (10-health checks health)
#   metrics-pending.txt     names no service exports yet (query-service's retrieval/answer/LLM metrics): reported,
#                           not failed
set -euo pipefail
# shellcheck source=deploy/local/smoke.d/lib.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

MONITORING=$ROOT/deploy/monitoring

names_in() { sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$1"; }

scrape_dir=$(mktemp -d)
trap 'rm -rf -- "$scrape_dir"' EXIT

echo "70-metrics against the services' /actuator/prometheus"
for name in "${SERVICES[@]}"; do
  curl -s --connect-timeout 2 --max-time 10 "$(service_url "$name")/actuator/prometheus" >"$scrape_dir/$name.prom" 2>/dev/null || true
  check "$name /actuator/prometheus answers" test -s "$scrape_dir/$name.prom"
done

# exported NAME: some service exposes a sample of NAME (a line starting with NAME followed by { or a space).
exported() { grep -h -q -E "^$1(\{| )" "$scrape_dir"/*.prom; }

mapfile -t pending < <(names_in "$MONITORING/metrics-pending.txt")
is_pending() {
  local p
  for p in "${pending[@]}"; do [[ $p == "$1" ]] && return 0; done
  return 1
}

while IFS= read -r metric; do
  [[ $metric == up ]] && continue
  if is_pending "$metric"; then
    if exported "$metric"; then
      printf '  note  %s is exported now: remove it from deploy/monitoring/metrics-pending.txt\n' "$metric"
    else
      printf '  skip  %s (pending, metrics-pending.txt)\n' "$metric"
    fi
    continue
  fi
  check "$metric is exported" exported "$metric"
done < <(names_in "$MONITORING/metrics.txt")
finish 70-metrics
