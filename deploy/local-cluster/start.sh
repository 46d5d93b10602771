#!/usr/bin/env bash
# InfoDesk on more than one machine, rehearsed on one (issue 18, docs/deployment.md): PostgreSQL, a two-node
# OpenSearch 2.19 cluster, two InfoDesk instances (profile postgres,cluster) and nginx as the load balancer, all on
# loopback. Nothing is downloaded: PostgreSQL and nginx are Debian's packages (apt-get install postgresql nginx),
# OpenSearch runs from the jars in ~/.m2 (test scope of the build, never in the application jar).
#   deploy/local-cluster/start.sh        # brings it up; http://127.0.0.1:8088/ is the load balancer
#   deploy/local-cluster/stop.sh         # stops what start.sh started (by the pid files under $RUN)
# Ports: nginx 8088, InfoDesk 8081/8082, OpenSearch HTTP 9201/9202 (transport 9301/9302), PostgreSQL 15432.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUN="${INFODESK_CLUSTER_DIR:-$ROOT/target/local-cluster}"
PG_PORT=15432 NGINX_PORT=8088
mkdir -p "$RUN"/{pids,logs,shared}
cd "$ROOT"

wait_for() { # url seconds
  for _ in $(seq "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  echo "no answer from $1 after $2 s" >&2; return 1
}

echo "== build (offline): the application jar and the test class path that holds OpenSearch"
[ -f target/infodesk-0.1.0-SNAPSHOT.jar ] || ./mvnw -o -q -B -DskipTests package
./mvnw -o -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$RUN/test-classpath.txt" >/dev/null
CP="target/test-classes:$(cat "$RUN/test-classpath.txt")"

echo "== PostgreSQL on 127.0.0.1:$PG_PORT"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PGDATA="$RUN/pgdata"
AS_PG=(); [ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
if [ ! -d "$PGDATA" ]; then
  mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA"
  "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDATA" -U infodesk -E UTF8 --locale=C.UTF-8 -A trust >"$RUN/logs/initdb.log"
fi
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c timezone=UTC" start >/dev/null
psql -h 127.0.0.1 -p $PG_PORT -U infodesk -d postgres -tAc "select 1 from pg_database where datname='infodesk'" \
  | grep -q 1 || psql -h 127.0.0.1 -p $PG_PORT -U infodesk -d postgres -qc "create database infodesk"

echo "== OpenSearch, two nodes"
SEEDS="127.0.0.1:9301,127.0.0.1:9302"
for n in 1 2; do
  mkdir -p "$RUN/opensearch-$n"
  nohup java -Xmx256m -cp "$CP" io.infodesk.support.OpenSearchNode "$RUN/opensearch-$n" "node-$n" "920$n" "930$n" \
    "$SEEDS" >"$RUN/logs/opensearch-$n.log" 2>&1 &
  echo $! >"$RUN/pids/opensearch-$n"
done
wait_for "http://127.0.0.1:9201/_cluster/health?wait_for_status=green&timeout=1s" 120
wait_for "http://127.0.0.1:9202/" 60

echo "== InfoDesk, two instances"
for n in 1 2; do
  mkdir -p "$RUN/instance-$n"
  INFODESK_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/infodesk" INFODESK_DB_USER=infodesk INFODESK_DB_PASSWORD= \
  INFODESK_SHARED_DIR="$RUN/shared" INFODESK_OPENSEARCH_HOSTS="127.0.0.1:9201,127.0.0.1:9202" \
  INFODESK_SECURE_COOKIE=false \
  nohup java -Xmx768m -jar target/infodesk-0.1.0-SNAPSHOT.jar --spring.profiles.active=postgres,cluster \
    --server.port="808$n" --server.address=127.0.0.1 --infodesk.data-dir="$RUN/instance-$n" \
    >"$RUN/logs/infodesk-$n.log" 2>&1 &
  echo $! >"$RUN/pids/infodesk-$n"
  # the first instance migrates the schema alone; the second starts on a migrated database
  wait_for "http://127.0.0.1:808$n/actuator/health/readiness" 300
done

echo "== nginx on 127.0.0.1:$NGINX_PORT"
sed "s#@RUN@#$RUN#g; s#@PORT@#$NGINX_PORT#g" "$HERE/nginx.conf" >"$RUN/nginx.conf"
nginx -c "$RUN/nginx.conf" -p "$RUN"
wait_for "http://127.0.0.1:$NGINX_PORT/actuator/health/readiness" 30
echo "up: http://127.0.0.1:$NGINX_PORT/ (the administrator's first password is in $RUN/logs/infodesk-1.log)"
