#!/usr/bin/env bash
# The monitoring benchmark of issue 14 (see docs/performance.md, docs/monitoring.md): scheme matching with 10,000
# scheme words against a naive String.indexOf baseline on one core, and the precision / recall / F1 of relevance, the
# hot-spot topics and the six S3.5-b classes on the labelled sample bench/monitoring-labelled.jsonl.
# Usage: bench/run-monitoring.sh [FILE.jsonl]
set -euo pipefail
cd "$(dirname "$0")/.."
sh ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dfile.encoding=UTF-8 \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.infodesk.bench.MonitoringBench "${1:-bench/monitoring-labelled.jsonl}"
