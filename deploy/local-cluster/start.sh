#!/usr/bin/env bash
# InfoDesk on more than one machine, rehearsed on one (issue 18, docs/deployment.md): PostgreSQL, a two-node
# OpenSearch 2.19 cluster, two InfoDesk instances (profile postgres,cluster) and nginx as the load balancer, all on
# loopback. Nothing is downloaded at run time: PostgreSQL and nginx are Debian's packages (installed here with
# apt-get when missing), OpenSearch runs from the jars in ~/.m2 (test scope of the build, never in the application jar).
#   deploy/local-cluster/start.sh          # brings it up; http://127.0.0.1:8088/ is the load balancer
#   DEMO=1 deploy/local-cluster/start.sh   # the same with the demo data and accounts (faults.sh and load.sh need them)
#   deploy/local-cluster/stop.sh           # stops what start.sh started (by the pid files under $RUN)
# Ports (lib.sh, each overridable): nginx 8088, InfoDesk 8081/8082, OpenSearch HTTP 9201/9202 (transport
# 9301/9302), PostgreSQL 15432. State under target/local-cluster (INFODESK_CLUSTER_DIR); delete it for a fresh start.
set -euo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
T0=$(date +%s)
step() { echo "== [$(( $(date +%s) - T0 )) s] $*"; }
mkdir -p "$RUN"/{pids,logs,shared}
cd "$ROOT"
if [ "${DEMO:-0}" = 1 ]; then touch "$RUN/demo"; fi

if ! command -v nginx >/dev/null || [ -z "$PGBIN" ]; then
  step "installing Debian's nginx and PostgreSQL"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx postgresql
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

step "build (offline): the application jar and the test class path that holds OpenSearch"
[ -f "$JAR" ] || ./mvnw -o -q -B -DskipTests package
./mvnw -o -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$RUN/test-classpath.txt" >/dev/null

step "PostgreSQL on 127.0.0.1:$PG_PORT"
PGDATA="$RUN/pgdata"
if [ ! -d "$PGDATA" ]; then
  mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA"
  "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDATA" -U infodesk -E UTF8 --locale=C.UTF-8 -A trust >"$RUN/logs/initdb.log"
fi
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c timezone=UTC" start >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U infodesk -d postgres -tAc "select 1 from pg_database where datname='infodesk'" \
  | grep -q 1 || psql -h 127.0.0.1 -p "$PG_PORT" -U infodesk -d postgres -qc "create database infodesk"

step "OpenSearch, two nodes"
start_opensearch 1
start_opensearch 2
wait_for "http://127.0.0.1:${OS_HTTP[0]}/_cluster/health?wait_for_status=green&timeout=1s" 180
wait_for "http://127.0.0.1:${OS_HTTP[1]}/" 60

step "InfoDesk, two instances"
# the first instance migrates the schema (and writes the demo data) alone; the second starts on a migrated database
start_instance 1; instance_ready 1 600
step "instance 1 ready"
start_instance 2; instance_ready 2 600
step "instance 2 ready"

step "nginx on 127.0.0.1:$NGINX_PORT"
sed "s#@RUN@#$RUN#g; s#@PORT@#$NGINX_PORT#g; s#@APP1@#${APP_PORTS[0]}#g; s#@APP2@#${APP_PORTS[1]}#g" \
  "$HERE/nginx.conf" >"$RUN/nginx.conf"
nginx -c "$RUN/nginx.conf" -p "$RUN"
wait_for "$BASE/actuator/health/readiness" 30
step "up: $BASE/"
[ -f "$RUN/demo" ] && echo "demo accounts (README), e.g. office / Demo@2026" \
  || echo "the administrator's first password is in $RUN/logs/infodesk-1.log"
