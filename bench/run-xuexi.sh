#!/usr/bin/env bash
# The 学习强国 benchmark of issue 13 (see bench/README.md and docs/performance.md): a 50,100-row daily-detail XLSX
# imported end to end with the JVM heap capped at 256 MB (baseline: the same file read and checked by the preview),
# and the figures of a year of 300 members × 365 days (baseline: a count(*) over the same rows) — on H2, then on
# PostgreSQL 17 (embedded). Usage: bench/run-xuexi.sh [h2|postgres] (default: both, one JVM each).
set -euo pipefail
cd "$(dirname "$0")/.."
sh ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
for database in ${1:-h2 postgres}; do
  java -Xmx256m ${BENCH_JAVA_OPTS:-} -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
    -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.infodesk.bench.XuexiBench "$database"
done
