#!/usr/bin/env bash
# The benchmark: builds the bot's jar and the bench, then runs the scenarios and prints a Markdown
# table (also written to bench/results/latest.md). See bench/README.md.
#
#   bench/run.sh                      # everything, about 4 minutes
#   bench/run.sh N=2000 DURATION=10   # a quick run; any setting of bench/.../Settings.java as NAME=value
#   BENCH_SKIP_BUILD=1 bench/run.sh   # reuse the jar and classes already built
#   BENCH_JAR=/path/to/other/incident-bot.jar bench/run.sh   # benchmark another build of the bot
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

jar="${BENCH_JAR:-target/incident-bot.jar}"
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  if [ -z "${BENCH_JAR:-}" ]; then
    echo "[bench] building $jar (mvn -DskipTests package)"
    mvn -q -B -DskipTests package
  fi
  echo "[bench] building the bench (bench/pom.xml)"
  mvn -q -B -f bench/pom.xml -Dbot.jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")" compile
fi
[ -f "$jar" ] || { echo "[bench] $jar is missing: run without BENCH_SKIP_BUILD" >&2; exit 2; }

export BENCH_JAR="$jar"
BENCH_GIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
git diff --quiet HEAD 2>/dev/null || BENCH_GIT="$BENCH_GIT+changes"
export BENCH_GIT
exec java -Xmx1g -cp "bench/target/classes:$jar" io.incidentbot.bench.BenchMain "$@"
