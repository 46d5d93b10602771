#!/usr/bin/env bash
# Start-up and memory of the application (issue 16; docs/performance.md "Start-up and memory"):
#   bench/run-startup.sh                       # the three settings below, each on an empty and then a warm ./data
#   MODES="jar" RUNS=3 bench/run-startup.sh    # only the documented java -jar options, three times
#   MODES="plain" STARTUP_JAVA_OPTS="-Xmx384m" bench/run-startup.sh
# Settings (MODES, default "readme jar plain"):
#   readme  README command 1 itself: ./mvnw spring-boot:run, whose JVM options are the spring-boot-maven-plugin's
#           jvmArguments (pom.xml, property infodesk.jvm.options); the time counts Maven's own start too
#   jar     MALLOC_ARENA_MAX=2 java ${infodesk.jvm.options} -jar target/infodesk-*.jar (as docs/deployment.md
#           documents for one bureau; the plugin sets the same variable)
#   plain   java ${STARTUP_JAVA_OPTS} -jar target/infodesk-*.jar: the JVM's own defaults unless given options
#   extracted  the documented options on the jar extracted once (java -Djarmode=tools -jar … extract): plain jars on
#           the class path instead of the nested jars of the executable one (docs/deployment.md "Start-up")
#   cds     extracted, plus a class data sharing archive written by a training start (-XX:ArchiveClassesAtExit with
#           -Dspring.context.exit=onRefresh on a throw-away folder) and used with -XX:SharedArchiveFile
# Packages the jar (online, so that a fresh clone fetches what it needs the first time; later runs find it in
# ~/.m2; SKIP_PACKAGE=1 to reuse target/), then for each setting starts the application twice on a throw-away data
# folder: first on an empty ./data (migrations, demo year, full-text index), then on the same, now warm, data. For
# each start: seconds until /actuator/health answers UP, the CPU seconds the application's JVM had used by then
# (user + system, from /proc: the figure the load of a shared machine disturbs least), the resident memory (VmRSS)
# right then and after IDLE seconds (default 30), the heap in use and committed, and the load average at the start
# and when healthy. KEEP=1 keeps the data folders and logs. STEPS=N adds -Dinfodesk.startup-steps=N (the N slowest
# Spring start-up steps in the log). WARM_FROM=<a data folder of an earlier run> copies it and makes only the warm
# start. Never part of ./mvnw test.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${BENCH_PORT:-18099}"
IDLE="${IDLE:-30}"
RUNS="${RUNS:-1}"
MODES="${MODES:-readme jar plain}"  # also: extracted cds
if [ "${SKIP_PACKAGE:-}" != "1" ]; then
  sh ./mvnw -q -B -DskipTests package
fi
JAR=$(ls target/infodesk-*.jar | grep -v -- '-plain' | head -1)
# the README command's JVM options, from the one place they are written
JVM_OPTIONS=$(sed -n 's:.*<infodesk.jvm.options>\(.*\)</infodesk.jvm.options>.*:\1:p' pom.xml | head -1)
STEP_OPTS=""
if [ -n "${STEPS:-}" ]; then STEP_OPTS="-Dinfodesk.startup-steps=$STEPS"; fi
TICKS=$(getconf CLK_TCK)
ROOT=$(mktemp -d "${TMPDIR:-/tmp}/infodesk-startup.XXXXXX")
if [ "${KEEP:-}" != "1" ]; then trap 'rm -rf "$ROOT"' EXIT; fi
echo "start-up bench: $JAR, $(nproc) CPUs, port $PORT, folders under $ROOT"
echo "  documented JVM options (pom.xml infodesk.jvm.options): $JVM_OPTIONS"
echo "  plain: ${STARTUP_JAVA_OPTS:-(none: the JVM defaults)}"

cpu_seconds() { awk -v t="$TICKS" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat"; }
rss_mb() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$1/status"; }
# the extracted layout (modes extracted, cds), made once; the CDS archive by a training start that ends after refresh
extracted_jar() {
  if [ ! -d "$ROOT/extracted" ]; then
    java -Djarmode=tools -jar "$JAR" extract --destination "$ROOT/extracted" > /dev/null
  fi
  ls "$ROOT"/extracted/*.jar | head -1
}
cds_archive() {
  local jar; jar=$(extracted_jar)
  if [ ! -f "$ROOT/extracted/app.jsa" ]; then
    java $JVM_OPTIONS -XX:ArchiveClassesAtExit="$ROOT/extracted/app.jsa" -Dspring.context.exit=onRefresh -jar "$jar" \
      --server.port="$PORT" --infodesk.data-dir="$ROOT/training" > "$ROOT/training.log" 2>&1
  fi
  echo "$ROOT/extracted/app.jsa"
}
port_pid() { ss -ltnpH "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

for round in $(seq 1 "$RUNS"); do
  for mode in $MODES; do
    DATA="$ROOT/$mode-$round"
    mkdir -p "$DATA"
    STARTS="empty warm"
    if [ -n "${WARM_FROM:-}" ]; then
      cp -a "$WARM_FROM"/. "$DATA"/ && rm -f "$DATA"/stdout-*.log
      STARTS="warm"
    fi
    for run in $STARTS; do
      log="$DATA/stdout-$run.log"
      # made before the clock starts: the extracted jar and the archive are part of the installation, not of a start
      case "$mode" in
        extracted) jar=$(extracted_jar) ;;
        cds) archive=$(cds_archive); jar=$(extracted_jar) ;;
      esac
      load_start=$(cut -d' ' -f1 /proc/loadavg)
      start=$(date +%s.%N)
      app_args="--server.port=$PORT --server.address=127.0.0.1 --infodesk.data-dir=$DATA"
      case "$mode" in
        readme)
          # setsid: the whole Maven process group is stopped at the end
          setsid sh ./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments="$app_args" \
            ${STEP_OPTS:+-Dinfodesk.jvm.options="$JVM_OPTIONS $STEP_OPTS"} > "$log" 2>&1 &
          ;;
        jar) MALLOC_ARENA_MAX=2 setsid java $JVM_OPTIONS $STEP_OPTS -jar "$JAR" $app_args > "$log" 2>&1 & ;;
        plain) setsid java ${STARTUP_JAVA_OPTS:-} $STEP_OPTS -jar "$JAR" $app_args > "$log" 2>&1 & ;;
        extracted) MALLOC_ARENA_MAX=2 setsid java $JVM_OPTIONS $STEP_OPTS -jar "$jar" $app_args > "$log" 2>&1 & ;;
        cds) MALLOC_ARENA_MAX=2 setsid java $JVM_OPTIONS -XX:SharedArchiveFile="$archive" $STEP_OPTS -jar "$jar" $app_args > "$log" 2>&1 & ;;
        *) echo "unknown mode $mode"; exit 2 ;;
      esac
      launcher=$!
      up=""
      for _ in $(seq 1 2400); do
        if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
          up=$(date +%s.%N)
          break
        fi
        if ! kill -0 "$launcher" 2>/dev/null; then
          echo "the application stopped; its output:"; tail -40 "$log"; exit 1
        fi
        sleep 0.25
      done
      if [ -z "$up" ]; then
        echo "not healthy after 600 s"; kill -- "-$launcher"; exit 1
      fi
      pid=$(port_pid)
      load_up=$(cut -d' ' -f1 /proc/loadavg)
      cpu_up=$(cpu_seconds "$pid")
      rss_up=$(rss_mb "$pid")
      sleep "$IDLE"
      rss_idle=$(rss_mb "$pid")
      # committed and used of every generation (G1: one line; serial: new and tenured), in MB
      heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | awk '/total [0-9]+K, used [0-9]+K/ {
          for (i = 1; i <= NF; i++) { if ($i == "total") t += $(i + 1); if ($i == "used") u += $(i + 1) } }
        END { if (t) printf "%d MB committed, %d MB used", t / 1024, u / 1024 }')
      started=$(grep -o 'Started InfoDeskApplication in [0-9.]* seconds' "$log" | head -1 | grep -o '[0-9.]* s' || true)
      printf '%-6s %-5s data: healthy after %5.1f s (Started in %s), JVM CPU %s s; RSS %d MB healthy, %d MB after %d s idle; heap: %s; load %s -> %s\n' \
        "$mode" "$run" "$(echo "$up - $start" | bc)" "${started:-?}" "$cpu_up" "$rss_up" "$rss_idle" "$IDLE" \
        "${heap:-n/a}" "$load_start" "$load_up"
      kill -- "-$launcher" 2>/dev/null || kill "$pid"
      wait "$launcher" 2>/dev/null || true
      while [ -n "$(port_pid)" ]; do sleep 0.5; done
    done
  done
done
