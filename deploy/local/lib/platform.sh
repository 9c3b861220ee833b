# shellcheck shell=bash
# Loads every library of the local platform and holds the orchestration shared by up, provision, status and test.

LIB_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=deploy/local/lib/common.sh
source "$LIB_DIR/common.sh"
# shellcheck source=deploy/local/lib/postgres.sh
source "$LIB_DIR/postgres.sh"
# shellcheck source=deploy/local/lib/kafka.sh
source "$LIB_DIR/kafka.sh"
# shellcheck source=deploy/local/lib/otel.sh
source "$LIB_DIR/otel.sh"
# shellcheck source=deploy/local/lib/services.sh
source "$LIB_DIR/services.sh"

# Every component, in start order. down stops them in reverse.
COMPONENTS=(postgres kafka "${SERVICES[@]}")

# PostgreSQL and Kafka do not depend on each other: bring them up in parallel (on a cold machine apt + the pgvector
# build overlap with the Maven download of Kafka). Each runs in its own subshell, so a `die` in one ends only that
# branch; both are awaited and either failure fails the whole step.
infra_up() {
  local pg_job kafka_job failed=0
  ensure_dirs
  (LOG_TAG=postgres && postgres_up) &
  pg_job=$!
  (LOG_TAG=kafka && kafka_up) &
  kafka_job=$!
  wait "$pg_job" || failed=1
  wait "$kafka_job" || failed=1
  ((failed == 0)) || die "the infrastructure did not come up (see the messages above)"
}

# Names of the components that are running now (used by test to stop only what it started).
running_components() {
  local name
  for name in "${COMPONENTS[@]}"; do
    if [[ $name == postgres ]]; then
      pg_external && continue
      pg_resolve_location
      pg_server_running && printf '%s\n' "$name"
    elif is_running "$name"; then
      printf '%s\n' "$name"
    fi
  done
  return 0
}
