# syntax=docker/dockerfile:1
# Every DocMatrix service except ingestion-service (deploy/images/ingestion-service/Dockerfile), as Boot layers.
# Built by deploy/images/build from a staged context holding app.jar (the service's Spring Boot jar) and otel/ (empty,
# or the OpenTelemetry Java agent with --otel-agent), with --build-arg SERVICE=<service> PORT=<its HTTP port>. Runs as
# the non-root user 10001 on a read-only root filesystem (the Helm chart mounts /tmp and /var/lib/docmatrix as emptyDirs).
ARG BASE_IMAGE=eclipse-temurin:17-jre-noble

FROM ${BASE_IMAGE} AS extract
WORKDIR /build
COPY app.jar app.jar
# Layers (dependencies change rarely, application classes often) keep pushes and pulls small.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${BASE_IMAGE}
ARG VERSION=unknown
ARG SERVICE
ARG PORT
LABEL org.opencontainers.image.title="${SERVICE}" \
      org.opencontainers.image.description="DocMatrix ${SERVICE}" \
      org.opencontainers.image.version="${VERSION}"
RUN groupadd --system --gid 10001 docmatrix \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin docmatrix \
 && mkdir -p /var/lib/docmatrix /opt/opentelemetry \
 && chown 10001:10001 /var/lib/docmatrix
WORKDIR /app
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
# The agent is optional: the chart adds -javaagent:/opt/opentelemetry/opentelemetry-javaagent.jar to JAVA_TOOL_OPTIONS
# only with otlp.javaAgent.enabled.
COPY otel/ /opt/opentelemetry/
ENV DOCMATRIX_VAR_DIR=/var/lib/docmatrix \
    SERVER_PORT=${PORT}
EXPOSE ${PORT}
# Numeric, so Kubernetes can verify runAsNonRoot without reading /etc/passwd.
USER 10001:10001
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
