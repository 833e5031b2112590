# syntax=docker/dockerfile:1.7
# incident-bot image. Build:   DOCKER_BUILDKIT=1 docker build -t incident-bot .
# Run:   docker run -d --stop-timeout 30 -p 3000:3000 -v incident-data:/data \
#          -e SLACK_BOT_TOKEN=xoxb-... -e SLACK_SIGNING_SECRET=... incident-bot
# (see deploy/README.md: the stop timeout, the health check, Kubernetes and compose).
#
# Base images are pinned by the digest of their multi-platform index, so a rebuild gets the same
# bytes until someone re-pins on purpose. To re-pin, read the current index digest of the tag:
#   docker buildx imagetools inspect maven:3.9-eclipse-temurin-17 --format '{{json .Manifest.Digest}}'
#   docker buildx imagetools inspect eclipse-temurin:17-jre       --format '{{json .Manifest.Digest}}'
# and replace the sha256 after the '@' below (keep the tag: it says what the digest is).
# The two digests below are the index digests these tags had on Docker Hub in autumn 2026 (Maven
# 3.9.16 on Temurin 17.0.20, Ubuntu noble), taken from public build logs and projects that pinned
# the same tags: no registry is reachable from where this file was written, so check them with
# the command above before you rely on them, and re-pin when the base images get security fixes.

# ---- build stage: Maven with JDK 17 builds the shaded jar ----
FROM maven:3.9-eclipse-temurin-17@sha256:1a352420f7aba21f5ad08df31bab55f74c013fb491f1ae8ab1dd7ff9ed698584 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
# The local Maven repository lives in a BuildKit cache mount: a rebuild after a source change does
# not download the dependencies again, and they never end up in an image layer.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q -ntp -DskipTests package

# ---- runtime stage: JRE 17 only ----
FROM eclipse-temurin:17-jre@sha256:13cc28a6cc72a38ce1f00c906be3580c1a3e604b8984d694f369a96742abc93b
# A numeric user (Kubernetes' runAsNonRoot can only verify a numeric USER) with no login shell;
# /data, the SQLite folder and the volume, is the only place it can write.
RUN groupadd --gid 10001 bot \
    && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /data --shell /usr/sbin/nologin bot \
    && mkdir -p /data /app \
    && chown 10001:10001 /data
COPY --from=build /src/target/incident-bot.jar /app/incident-bot.jar
COPY --chmod=0555 deploy/docker/healthcheck.sh /app/healthcheck.sh
COPY --chmod=0555 deploy/docker/train-cds.sh /tmp/train-cds.sh
# AppCDS training (deploy/docker/train-cds.sh, the recipe `bench/run.sh CDS=1` measures): start the
# bot as a server (Slack is unreachable during a build; that is fine), then import the shipped
# sample export and draft its postmortem, and dump one static archive of the classes both loaded.
# It runs on this stage's JVM and jar path, which the archive is tied to. samples/ is mounted from
# the build context, never copied into the image; the training databases are thrown away.
RUN --mount=type=bind,source=samples,target=/tmp/samples \
    /tmp/train-cds.sh /app/incident-bot.jar /app/app.jsa /tmp/samples/export inc-42-orders-db-failover \
    && rm /tmp/train-cds.sh \
    && chmod 0444 /app/app.jsa

# The release this image is (the pom's <version>; RELEASING.md: ReleaseTest keeps the two equal).
# `docker build --build-arg VERSION=...` overrides it for a build of another commit.
ARG VERSION=0.2.0
LABEL org.opencontainers.image.title="incident-bot" \
      org.opencontainers.image.description="Incident-response bot for Slack" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"

USER 10001:10001
WORKDIR /data
ENV PORT=3000 \
    INCIDENT_DB=/data/incidents.db \
    METRICS_PORT=9090 \
    METRICS_BIND=0.0.0.0
VOLUME ["/data"]
# 3000: Slack requests (POST /slack/events), webhooks, /livez, /readyz, /healthz.
# 9090: GET /metrics (Prometheus) and /readyz with details. Listening on every interface of the
# container (METRICS_BIND) so a scraper can reach it: publish it on the host's loopback only
# (-p 127.0.0.1:9090:9090) or keep it to the monitoring network (deploy/kubernetes NetworkPolicy).
EXPOSE 3000 9090
# Readiness through bash's /dev/tcp (the base image has bash; no curl or wget is installed).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/app/healthcheck.sh", "/readyz"]
# SIGTERM starts the graceful shutdown: stop taking requests, finish those in flight and the outbox
# (up to 10 s), close the database. Give it 30 s: docker run/stop --stop-timeout 30, compose
# stop_grace_period: 30s, Kubernetes terminationGracePeriodSeconds: 30.
STOPSIGNAL SIGTERM
# -Xshare:auto: if the archive does not match this JVM or jar, the JVM starts without it, it never
# refuses to start. MaxRAMPercentage sizes the heap from the container's memory limit.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", \
            "-Xshare:auto", "-XX:SharedArchiveFile=/app/app.jsa", \
            "-jar", "/app/incident-bot.jar"]
