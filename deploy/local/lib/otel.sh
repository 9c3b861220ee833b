# shellcheck shell=bash
# The OpenTelemetry Java agent, attached to every service when DOCMATRIX_OTEL_AGENT=1 (off by default). Fetched from
# Maven Central into var/otel/ on first use, never committed.
#
# With the agent, the agent traces (HTTP server and client, Kafka producer and consumer with W3C headers, JDBC) and
# Boot's own tracing (spring-boot-starter-opentelemetry through Micrometer Tracing) is switched off, so no operation is
# traced twice by two SDKs. DocMatrix's own continuations (the outbox traceparent, work queued in a database) follow
# whichever tracer is active: they read the OpenTelemetry API, which the agent provides (docs/operations.md,
# "Observability").
#
#   DOCMATRIX_OTEL_AGENT=1                 attach the agent
#   DOCMATRIX_OTEL_AGENT_VERSION=2.33.1    the agent version (stack.md lists the verified one)
#   DOCMATRIX_OTEL_EXPORTER=logging        logging (spans and metrics into each service's log) or otlp
#   DOCMATRIX_OTEL_ENDPOINT=http://127.0.0.1:4318   the OTLP endpoint when the exporter is otlp

OTEL_AGENT_VERSION=${DOCMATRIX_OTEL_AGENT_VERSION:-2.33.1}

otel_enabled() { [[ ${DOCMATRIX_OTEL_AGENT:-0} == 1 ]]; }

otel_agent_jar() { printf '%s/otel/opentelemetry-javaagent-%s.jar' "$VAR" "$OTEL_AGENT_VERSION"; }

# Fetches the agent with Maven (the same repository settings as the build) unless it is there already.
otel_fetch() {
  local jar
  jar=$(otel_agent_jar)
  [[ -s $jar ]] && return 0
  log "fetching the OpenTelemetry Java agent $OTEL_AGENT_VERSION into ${jar#"$ROOT"/}"
  mkdir -p "$(dirname -- "$jar")"
  (cd "$ROOT" && ./mvnw -B -q -N dependency:copy \
    -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_AGENT_VERSION" \
    -DoutputDirectory="$(dirname -- "$jar")") || die "could not fetch the OpenTelemetry Java agent"
  [[ -s $jar ]] || die "the OpenTelemetry Java agent is not at $jar after the download"
}

# otel_java_opts NAME: the JVM options that attach the agent to service NAME, one per line; nothing when disabled.
otel_java_opts() {
  otel_enabled || return 0
  local name=$1 exporter=${DOCMATRIX_OTEL_EXPORTER:-logging}
  case $exporter in
    logging | otlp) ;;
    *) die "DOCMATRIX_OTEL_EXPORTER must be logging or otlp, not '$exporter'" ;;
  esac
  printf '%s\n' "-javaagent:$(otel_agent_jar)" "-Dotel.service.name=$name" \
    "-Dotel.traces.exporter=$exporter" "-Dotel.metrics.exporter=none" "-Dotel.logs.exporter=none" \
    "-Dotel.propagators=tracecontext,baggage"
  if [[ $exporter == otlp ]]; then
    printf '%s\n' "-Dotel.exporter.otlp.endpoint=${DOCMATRIX_OTEL_ENDPOINT:-http://127.0.0.1:4318}" \
      "-Dotel.exporter.otlp.protocol=http/protobuf"
  fi
}

# otel_service_env: exported inside a service's subshell when the agent is attached: Boot's tracing off.
otel_service_env() {
  otel_enabled || return 0
  export MANAGEMENT_TRACING_ENABLED=false
}
