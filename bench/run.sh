#!/usr/bin/env bash
# One command for a benchmark of the running application (bench/README.md):
#   bench/run.sh [bench/reporting.properties]
#   BENCH_PORT=18087 BENCH_JAVA_OPTS="-Dbench.pace=PT5S" bench/run.sh   (any key of the file as -Dbench.<key>)
# Compiles main and test code (online, so that a fresh clone fetches the dependency plugin's own dependencies the
# first time; later runs find them in ~/.m2), builds the test classpath (embedded PostgreSQL lives there), and runs
# io.infodesk.bench.BenchRunner: embedded PostgreSQL 17 → InfoDesk (profiles postgres,demo) on 127.0.0.1:<port>
# → seed SQL → bench users log in → warm-up and measured closed-loop load per scenario → figures on stdout.
# Never part of ./mvnw test (the runner is a main class, not a test).
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG="${1:-bench/reporting.properties}"
sh ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.infodesk.bench.BenchRunner "$CONFIG"
