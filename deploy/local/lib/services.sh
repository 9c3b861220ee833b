# shellcheck shell=bash
# The JVM services of the platform: build when stale, start detached, await readiness, stop.

# Start order matters: config-server first (everyone fetches configuration from it), then auth-service (the
# gateway and the others validate tokens against its keys), then the rest together.
SERVICES=(config-server auth-service gateway-service ingestion-service analysis-service query-service)
SERVICE_READY_TIMEOUT=${DOCMATRIX_READY_TIMEOUT:-240}

service_dir() {
  case $1 in
    config-server) printf 'deploy/config-server' ;;
    *) printf '%s' "$1" ;;
  esac
}

service_jar() { printf '%s/%s/target/%s.jar' "$ROOT" "$(service_dir "$1")" "$1"; }
service_log() { printf '%s/%s.log' "$LOG_DIR" "$1"; }
service_short() { printf '%s' "${1%-service}"; }   # auth-service -> auth: names its database and role

service_port() {
  case $1 in
    config-server) printf '%s' "$DOCMATRIX_CONFIG_PORT" ;;
    auth-service) printf '%s' "$DOCMATRIX_AUTH_PORT" ;;
    gateway-service) printf '%s' "$DOCMATRIX_GATEWAY_PORT" ;;
    ingestion-service) printf '%s' "$DOCMATRIX_INGESTION_PORT" ;;
    analysis-service) printf '%s' "$DOCMATRIX_ANALYSIS_PORT" ;;
    query-service) printf '%s' "$DOCMATRIX_QUERY_PORT" ;;
    *) die "unknown service $1" ;;
  esac
}

service_url() { printf 'http://127.0.0.1:%s' "$(service_port "$1")"; }
service_readiness_url() { printf '%s/actuator/health/readiness' "$(service_url "$1")"; }

service_heap() {
  case $1 in
    config-server) printf '256m' ;;
    ingestion-service) printf '1g' ;;   # runs the in-process ONNX embedding model
    *) printf '512m' ;;
  esac
}

# service_nice NAME: the scheduling niceness the service's JVM starts with. Analysis is background work that catches
# up later; on a machine with few cores a positive value lets ingestion and queries go first when they compete
# (DOCMATRIX_ANALYSIS_NICE, 0..19; docs/benchmarks/profile.md has the measurement). 0 for every other service.
service_nice() {
  case $1 in
    analysis-service) printf '%s' "${DOCMATRIX_ANALYSIS_NICE:-0}" ;;
    *) printf '0' ;;
  esac
}

# ---------------------------------------------------------------------------------------------------------------
# Build. A warm `up` must not pay for Maven: build only when a jar is missing or a pom or source file of any module
# (shared modules included, they end up inside the jars) is newer than the oldest jar.

services_stale_reason() {
  local name jar oldest="" module newer
  local -a paths=("$ROOT/pom.xml")
  for name in "${SERVICES[@]}"; do
    jar=$(service_jar "$name")
    if [[ ! -f $jar ]]; then
      printf '%s is missing' "${jar#"$ROOT"/}"
      return 0
    fi
    if [[ -z $oldest || $jar -ot $oldest ]]; then oldest=$jar; fi
  done
  # The module list comes from the root pom, so a module added later is covered without editing this script.
  while IFS= read -r module; do
    [[ -e $ROOT/$module/pom.xml ]] && paths+=("$ROOT/$module/pom.xml")
    [[ -d $ROOT/$module/src ]] && paths+=("$ROOT/$module/src")
  done < <(sed -n 's:.*<module>[[:space:]]*\([^<[:space:]]*\)[[:space:]]*</module>.*:\1:p' "$ROOT/pom.xml")
  newer=$(find "${paths[@]}" -type f -newer "$oldest" -print -quit 2>/dev/null) || true
  if [[ -n $newer ]]; then printf '%s changed since the last build' "${newer#"$ROOT"/}"; fi
  return 0
}

services_build() {
  local reason name
  # Escape hatch for running the last good jars while sources are mid-edit (or while another build is running).
  if [[ ${DOCMATRIX_SKIP_BUILD:-0} == 1 ]]; then
    log "DOCMATRIX_SKIP_BUILD=1: using the jars as they are"
    return 0
  fi
  reason=$(services_stale_reason)
  if [[ -z $reason ]]; then
    log "service jars are up to date; skipping the build"
    return 0
  fi
  log "building the services ($reason): ./mvnw -B -q -DskipTests package"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || die "the build failed (see the Maven output above)"
  # maven-jar-plugin leaves an up-to-date jar untouched (e.g. after a pom-only edit); mark all jars as built now so
  # that the next `up` does not rebuild for the same change.
  for name in "${SERVICES[@]}"; do touch -c "$(service_jar "$name")"; done
}

# ---------------------------------------------------------------------------------------------------------------
# Start and readiness.

admin_password_file() { printf '%s/admin-password' "$LOCAL_DIR"; }

# The bootstrap password of the `admin` user: DOCMATRIX_ADMIN_PASSWORD when set, else generated once.
admin_password() {
  if [[ -n ${DOCMATRIX_ADMIN_PASSWORD:-} ]]; then
    printf '%s' "$DOCMATRIX_ADMIN_PASSWORD"
  else
    ensure_secret_file "$(admin_password_file)"
    cat -- "$(admin_password_file)"
  fi
}

# local_secret NAME: a secret generated once into var/local/secrets/NAME.secret (mode 0600) and printed. Used for the
# identity-header secret the gateway signs with and every service verifies with, and for the key auth-service
# encrypts its signing keys with (changing that one would make the stored signing keys unreadable).
local_secret() {
  mkdir -p "$LOCAL_DIR/secrets"
  ensure_secret_file "$LOCAL_DIR/secrets/$1.secret"
  cat -- "$LOCAL_DIR/secrets/$1.secret"
}

service_start() {
  local name=$1 jar port log heap short pid niceness
  if is_running "$name"; then
    log "$name already running (pid $(read_pid "$name"))"
    return 0
  fi
  jar=$(service_jar "$name")
  port=$(service_port "$name")
  log=$(service_log "$name")
  heap=$(service_heap "$name")
  short=$(service_short "$name")
  niceness=$(service_nice "$name")
  [[ $niceness =~ ^[0-9]+$ ]] && ((niceness <= 19)) || die "the niceness of $name must be 0..19, not '$niceness'"
  [[ -f $jar ]] || die "$jar not found: build first (./mvnw -DskipTests package)"
  # Fail fast with a clear message instead of a bind error buried in the service log.
  tcp_open 127.0.0.1 "$port" && die "port $port (for $name) is already in use by a process that is not ours"

  local -a opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=256m "-Xmx$heap")
  local -a extra=()
  # Word splitting is intended: DOCMATRIX_JAVA_OPTS="-Dfoo=1 -agentlib:..." appends several options.
  read -r -a extra <<<"${DOCMATRIX_JAVA_OPTS:-}"
  # DOCMATRIX_OTEL_AGENT=1 attaches the OpenTelemetry Java agent (lib/otel.sh).
  local -a otel=()
  mapfile -t otel < <(otel_java_opts "$name")

  rotate_log "$log"
  log "starting $name on 127.0.0.1:$port"
  # Settings travel as environment variables exported inside the subshell: never on a command line, where `ps`
  # would show the database password. The subshell execs into setsid, which execs into java, so $! is the JVM.
  (
    cd "$ROOT" || exit 1
    export SPRING_PROFILES_ACTIVE=local SERVER_PORT=$port DOCMATRIX_VAR_DIR=$VAR
    if [[ $name == config-server ]]; then
      export DOCMATRIX_CONFIG_DIR=$ROOT/deploy/config
    else
      export DOCMATRIX_CONFIG_URL="http://127.0.0.1:$DOCMATRIX_CONFIG_PORT"
      export DOCMATRIX_KAFKA_BOOTSTRAP="127.0.0.1:$DOCMATRIX_KAFKA_PORT"
      export DOCMATRIX_DB_URL DOCMATRIX_DB_USER
      DOCMATRIX_DB_URL="jdbc:postgresql://$DOCMATRIX_PG_HOST:$DOCMATRIX_PG_PORT/$(pg_service_db "$short")"
      DOCMATRIX_DB_USER=$(pg_service_role "$short")
      if [[ $name == query-service ]]; then
        # Row-level security: the service reads as query_app and migrates as the owner, query_service.
        export DOCMATRIX_FLYWAY_USER DOCMATRIX_FLYWAY_PASSWORD
        DOCMATRIX_FLYWAY_USER=$DOCMATRIX_DB_USER
        DOCMATRIX_FLYWAY_PASSWORD=$(pg_password_of "$DOCMATRIX_FLYWAY_USER")
        DOCMATRIX_DB_USER=$PG_QUERY_APP_ROLE
      fi
      export DOCMATRIX_DB_PASSWORD
      DOCMATRIX_DB_PASSWORD=$(pg_password_of "$DOCMATRIX_DB_USER")
      export DOCMATRIX_INTERNAL_SECRET
      DOCMATRIX_INTERNAL_SECRET=$(local_secret internal-identity)
    fi
    if [[ $name == auth-service ]]; then
      export DOCMATRIX_ADMIN_PASSWORD
      DOCMATRIX_ADMIN_PASSWORD=$(admin_password)
      export DOCMATRIX_AUTH_KEY_SECRET
      DOCMATRIX_AUTH_KEY_SECRET=$(local_secret auth-key-encryption)
    fi
    if [[ $name == gateway-service ]]; then
      export DOCMATRIX_AUTH_URL DOCMATRIX_INGESTION_URL DOCMATRIX_ANALYSIS_URL DOCMATRIX_QUERY_URL
      DOCMATRIX_AUTH_URL=$(service_url auth-service)
      DOCMATRIX_INGESTION_URL=$(service_url ingestion-service)
      DOCMATRIX_ANALYSIS_URL=$(service_url analysis-service)
      DOCMATRIX_QUERY_URL=$(service_url query-service)
    fi
    otel_service_env
    # nice execs java too, so $! stays the JVM's PID.
    exec setsid nice -n "$niceness" java "${opts[@]}" "${otel[@]}" "${extra[@]}" -jar "$jar"
  ) >"$log" 2>&1 </dev/null &
  pid=$!
  write_pid "$name" "$pid"
}

# services_await NAME...: waits until each service answers 200 on its readiness endpoint, all in one loop so that
# services started together are awaited together. A service that dies or times out fails the whole call, after
# printing the end of its log.
services_await() {
  local name code start=$SECONDS failed=0
  local -a pending=("$@") next
  while ((${#pending[@]} > 0)); do
    next=()
    for name in "${pending[@]}"; do
      code=$(http_status "$(service_readiness_url "$name")")
      if [[ $code == 200 ]]; then
        log "$name ready on $(service_url "$name") ($((SECONDS - start))s)"
      # Only the PID here, not the cmdline marker: until the launching subshell has exec'd into java its cmdline is
      # still bash's, and a service would be reported dead while it is starting.
      elif ! pid_alive "$(read_pid "$name")"; then
        warn "$name died during startup"
        show_log_tail "$(service_log "$name")"
        failed=1
      elif ((SECONDS - start >= SERVICE_READY_TIMEOUT)); then
        warn "$name not ready after ${SERVICE_READY_TIMEOUT}s (last readiness answer: HTTP $code)"
        show_log_tail "$(service_log "$name")"
        failed=1
      else
        next+=("$name")
      fi
    done
    pending=("${next[@]}")
    ((${#pending[@]} > 0)) && sleep 1
  done
  ((failed == 0)) || die "services failed to start; logs in ${LOG_DIR#"$ROOT"/}/, stop everything with deploy/local/down"
}

services_up() {
  require_java
  services_build
  if otel_enabled; then otel_fetch; fi
  service_start config-server
  services_await config-server
  service_start auth-service
  services_await auth-service
  local name
  for name in gateway-service ingestion-service analysis-service query-service; do service_start "$name"; done
  services_await gateway-service ingestion-service analysis-service query-service
}

# services_down [NAME...]: stops the given (default: all) services together; TERM lets Spring shut down gracefully
# (Kafka consumers leave their groups, Debezium stores its offsets).
services_down() {
  local name pid
  local -a pids=() names=("$@")
  ((${#names[@]} > 0)) || names=("${SERVICES[@]}")
  for name in "${names[@]}"; do
    pid=$(running_pid "$name")
    if [[ -n $pid ]]; then
      log "stopping $name (pid $pid)"
      pids+=("$pid")
    fi
  done
  stop_pids 30 "${pids[@]}"
  for name in "${names[@]}"; do remove_pid "$name"; done
}
