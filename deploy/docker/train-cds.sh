#!/bin/bash
# AppCDS training: records the classes the bot loads when it starts as a server and when the command
# line imports an export and drafts its postmortem, and dumps one static AppCDS archive of them all
# (java -Xshare:dump), so a start maps those classes from the archive instead of loading them from the
# jar. The Dockerfile runs it while building the image; `bench/run.sh CDS=1` runs the same script, so
# the bench measures the image's recipe on this machine.
#
# The archive only works with the same JVM and the same jar path: run this with the java and the jar
# path that will run the bot (-Xshare:auto makes a mismatched archive harmless: the JVM ignores it).
#
# Usage: train-cds.sh <jar> <archive.jsa> <Slack export dir> <channel in it>
# Needs bash and java only (no curl); writes nothing but the archive (its scratch folder is removed).
set -euo pipefail
if [ $# -ne 4 ]; then
  echo "usage: $0 <jar> <archive.jsa> <Slack export dir> <channel>" >&2
  exit 2
fi
jar="$1" archive="$2" export_dir="$3" channel="$4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The server, as it starts in production: configuration, a fresh database (Flyway), Jetty, Bolt, the
#    Web API client (Slack is unreachable from a build: auth.test fails and is retried, which is fine),
#    the metrics, then one request through the ops endpoints, then SIGTERM's graceful stop.
port=$((20000 + RANDOM % 20000))
SLACK_BOT_TOKEN=xoxb-0-training SLACK_SIGNING_SECRET=training SLACK_API_URL=http://127.0.0.1:9/api/ \
  PORT="$port" INCIDENT_DB="$work/server.db" \
  java -XX:DumpLoadedClassList="$work/server.classes" -jar "$jar" > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  grep -q "listening on port" "$work/server.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
for path in /livez /readyz /slack/events; do
  ( exec 3<>"/dev/tcp/127.0.0.1/$port" \
    && printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3 \
    && timeout 5 cat <&3 > /dev/null ) || true
done
kill -TERM "$pid"
wait "$pid" || true

# 2. The command line: import the export into a database and draft the postmortem (renderer, chart).
INCIDENT_DB="$work/cli.db" java -XX:DumpLoadedClassList="$work/cli.classes" \
  -jar "$jar" import "$export_dir" --channel "$channel" > /dev/null

# 3. One archive of both lists (class names, lambda forms; duplicates dropped).
cat "$work/server.classes" "$work/cli.classes" | awk '/^#/ || !seen[$0]++' > "$work/all.classes"
if ! java -Xshare:dump -XX:SharedClassListFile="$work/all.classes" -XX:SharedArchiveFile="$archive" \
     -cp "$jar" > "$work/dump.log" 2>&1; then
  cat "$work/dump.log" >&2
  exit 1
fi
echo "AppCDS archive $archive: $(grep -vc '^#' "$work/all.classes") classes listed"
