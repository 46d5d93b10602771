#!/usr/bin/env bash
# Start-up and memory of the packaged application (issue 16; docs/performance.md "Start-up and memory"):
#   bench/run-startup.sh            # demo profile (H2) with the default JVM settings, as the README starts it
#   STARTUP_JAVA_OPTS="-Xmx512m" bench/run-startup.sh
# Packages the jar (online, so that a fresh clone fetches what it needs the first time; later runs find it in
# ~/.m2), then starts it twice on a throw-away data folder: first on an empty ./data (migrations, demo year, full-text
# index), then on the same, now warm, data. For each start: seconds until /actuator/health answers UP, the
# resident memory (VmRSS from /proc) right then and after IDLE seconds of idling (default 30), and the heap in use.
# Never part of ./mvnw test.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PORT:-18099}"
IDLE="${IDLE:-30}"
if [ "${SKIP_PACKAGE:-}" != "1" ]; then
  sh ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/infodesk-*.jar | grep -v -- '-plain' | head -1)
DATA=$(mktemp -d "${TMPDIR:-/tmp}/infodesk-startup.XXXXXX")
trap 'rm -rf "$DATA"' EXIT
echo "start-up bench: $JAR, data $DATA, port $PORT, load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
for run in empty warm; do
  start=$(date +%s.%N)
  java ${STARTUP_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --infodesk.data-dir="$DATA" --logging.file.name="$DATA/infodesk.log" > "$DATA/stdout-$run.log" 2>&1 &
  pid=$!
  up=""
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      up=$(date +%s.%N)
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the application stopped; its output:"; tail -40 "$DATA/stdout-$run.log"; exit 1
    fi
    sleep 0.25
  done
  if [ -z "$up" ]; then
    echo "not healthy after 300 s"; kill "$pid"; exit 1
  fi
  rss_up=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  sleep "$IDLE"
  rss_idle=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/used/ {print; exit}' | sed 's/^ *//')
  started=$(grep -o 'Started InfoDeskApplication in [0-9.]* seconds' "$DATA/stdout-$run.log" | head -1 || true)
  printf '%-5s data: healthy after %5.1f s (%s); RSS %d MB when healthy, %d MB after %d s idle; heap: %s\n' \
    "$run" "$(echo "$up - $start" | bc)" "${started:-no start line}" "$rss_up" "$rss_idle" "$IDLE" "${heap:-n/a}"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
