#!/usr/bin/env bash
# The benchmark: builds the bot's jar and the bench, then runs the scenarios and prints a Markdown
# table (also written to bench/results/latest.md). See bench/README.md.
#
#   bench/run.sh                      # everything, about 4 minutes
#   bench/run.sh N=2000 DURATION=10   # a quick run; any setting of bench/.../Settings.java as NAME=value
#   BENCH_SKIP_BUILD=1 bench/run.sh   # reuse the jar and classes already built
#   BENCH_JAR=/path/to/other/incident-bot.jar bench/run.sh   # benchmark another build of the bot
#
# The bench compiles against the bot's shaded jar and the test kit's jar (target/incident-bot-tests.jar,
# io.incidentbot.testkit: Web API stand-in, signed client, event builders, synthetic long incident),
# both built here by `mvn -DskipTests package`; its run class path is bench/target/run.classpath.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

jar="${BENCH_JAR:-target/incident-bot.jar}"
kit="target/incident-bot-tests.jar"
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  # Also when BENCH_JAR names another build: the test kit comes from this checkout.
  echo "[bench] building target/incident-bot.jar and $kit (mvn -DskipTests package)"
  mvn -q -B -DskipTests package
  echo "[bench] building the bench (bench/pom.xml)"
  mvn -q -B -f bench/pom.xml -Dbot.jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")" \
    -Dkit.jar="$root/$kit" compile
fi
[ -f "$jar" ] || { echo "[bench] $jar is missing: run without BENCH_SKIP_BUILD" >&2; exit 2; }
[ -f "$kit" ] && [ -f bench/target/run.classpath ] \
  || { echo "[bench] $kit or bench/target/run.classpath is missing: run without BENCH_SKIP_BUILD" >&2; exit 2; }

export BENCH_JAR="$jar"
BENCH_GIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
git diff --quiet HEAD 2>/dev/null || BENCH_GIT="$BENCH_GIT+changes"
export BENCH_GIT
exec java -Xmx1g -cp "bench/target/classes:$(cat bench/target/run.classpath)" io.incidentbot.bench.BenchMain "$@"
