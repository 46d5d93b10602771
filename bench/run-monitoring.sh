#!/usr/bin/env bash
# The monitoring benchmarks of issue 14 (see docs/performance.md "舆情监测", docs/monitoring.md):
# 1. scheme matching with 10,000 scheme words against a naive String.indexOf baseline on one core (realistic texts and
#    a dense worst case), and precision / recall / F1 of relevance, hot-spot topics and the six S3.5-b classes on the
#    labelled sample bench/monitoring-labelled.jsonl (MonitoringBench);
# 2. ingest of 10,000 items from local HTTP servers (fetched, deduplicated, clustered, matched, stored) on H2 and on
#    an embedded PostgreSQL 17 (MonitoringIngestBench, one JVM each);
# 3. the packaged jar's `match --defaults` command on 500 texts, timed from the shell including the JVM's start.
# Usage: bench/run-monitoring.sh [FILE.jsonl]    (SKIP_PACKAGE=1 reuses target/infodesk-*.jar; PARTS="match ingest command")
# Runs Maven online the first time (a fresh clone fetches the dependency plugin's own dependencies); never part of
# ./mvnw test.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLE="${1:-bench/monitoring-labelled.jsonl}"
PARTS="${PARTS:-match ingest command}"
sh ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "monitoring bench: load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
if [[ " $PARTS " == *" match "* ]]; then
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dfile.encoding=UTF-8 -cp "$CP" io.infodesk.bench.MonitoringBench "$SAMPLE"
fi
if [[ " $PARTS " == *" ingest "* ]]; then
  for database in h2 postgres; do
    java -Xmx1g ${BENCH_JAVA_OPTS:-} -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 -cp "$CP" \
      io.infodesk.bench.MonitoringIngestBench "$database"
  done
fi
if [[ " $PARTS " == *" command "* ]]; then
  if [[ -z "${SKIP_PACKAGE:-}" ]]; then
    sh ./mvnw -q -B -DskipTests package
  fi
  JAR=$(ls target/infodesk-*.jar | grep -v -- '-plain' | head -1)
  INPUT=target/match-500.jsonl
  : > "$INPUT"
  while [[ $(wc -l < "$INPUT") -lt 500 ]]; do grep -v '^\s*$' "$SAMPLE" >> "$INPUT"; done
  head -n 500 "$INPUT" > "$INPUT.tmp" && mv "$INPUT.tmp" "$INPUT"
  for run in 1 2 3; do
    start=$(date +%s%N)
    java -jar "$JAR" match --defaults "$INPUT" > target/match-500.out 2> target/match-500.err
    end=$(date +%s%N)
    echo "MONITORING match command run $run: $(wc -l < target/match-500.out) answers to $(wc -l < "$INPUT") texts in" \
      "$(( (end - start) / 1000000 )) ms including the JVM's start ($JAR --defaults); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  done
fi
