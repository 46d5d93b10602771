# Shared by start.sh, stop.sh, faults.sh and load.sh (sourced, not run): where the local cluster lives, its ports, and
# how one piece of it is started, so that the fault script restarts an instance exactly as start.sh started it.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUN="${INFODESK_CLUSTER_DIR:-$ROOT/target/local-cluster}"
# loopback ports (override in the environment): nginx, the two instances, OpenSearch HTTP and transport, PostgreSQL
NGINX_PORT="${NGINX_PORT:-19088}"
APP_PORTS=("${APP_PORT_1:-19081}" "${APP_PORT_2:-19082}")
OS_HTTP=("${OS_HTTP_1:-19201}" "${OS_HTTP_2:-19202}")
OS_TRANSPORT=("${OS_TRANSPORT_1:-19301}" "${OS_TRANSPORT_2:-19302}")
PG_PORT="${PG_PORT:-19432}"
BASE="http://127.0.0.1:$NGINX_PORT"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
AS_PG=(); [ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
JAR="$ROOT/target/infodesk-0.1.0-SNAPSHOT.jar"

wait_for() { # url seconds
  for _ in $(seq "$2"); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done
  echo "no answer from $1 after $2 s" >&2; return 1
}

psql_q() { psql -h 127.0.0.1 -p "$PG_PORT" -U infodesk -d infodesk -tAc "$1"; }

test_classpath() { echo "$ROOT/target/test-classes:$(cat "$RUN/test-classpath.txt")"; }

start_opensearch() { # n (1 or 2). node-1 is the cluster manager (and a data node), node-2 a data node only: of two
  # cluster-manager-eligible nodes the loss of the elected one leaves the other without a cluster manager
  # (OpenSearchNode; docs/deployment.md: three eligible nodes where the loss of any node must be survived)
  local n=$1 seeds="127.0.0.1:${OS_TRANSPORT[0]},127.0.0.1:${OS_TRANSPORT[1]}" roles=cluster_manager,data,ingest
  [ "$n" = 2 ] && roles=data,ingest
  mkdir -p "$RUN/opensearch-$n"
  nohup java -Xmx256m -cp "$(test_classpath)" io.infodesk.support.OpenSearchNode "$RUN/opensearch-$n" "node-$n" \
    "${OS_HTTP[$((n-1))]}" "${OS_TRANSPORT[$((n-1))]}" "$seeds" "$roles" >>"$RUN/logs/opensearch-$n.log" 2>&1 &
  echo $! >"$RUN/pids/opensearch-$n"
}

start_instance() { # n (1 or 2); DEMO=1 (kept in $RUN/demo) adds the demo data and accounts
  local n=$1 profiles=postgres,cluster demo=()
  if [ -f "$RUN/pids/infodesk-$n" ] && kill -0 "$(cat "$RUN/pids/infodesk-$n")" 2>/dev/null; then
    echo "instance $n is running already (pid $(cat "$RUN/pids/infodesk-$n"))" >&2; return 0
  fi
  if [ -f "$RUN/demo" ]; then profiles=postgres,cluster,demo; demo=(--infodesk.demo.allow-any-database=true); fi
  mkdir -p "$RUN/instance-$n"
  INFODESK_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/infodesk" INFODESK_DB_USER=infodesk INFODESK_DB_PASSWORD= \
  INFODESK_SHARED_DIR="$RUN/shared" \
  INFODESK_OPENSEARCH_HOSTS="127.0.0.1:${OS_HTTP[0]},127.0.0.1:${OS_HTTP[1]}" INFODESK_SECURE_COOKIE=false \
  nohup java -Xmx${INFODESK_HEAP:-384m} -jar "$JAR" --spring.profiles.active=$profiles "${demo[@]}" \
    --server.port="${APP_PORTS[$((n-1))]}" --server.address=127.0.0.1 --infodesk.data-dir="$RUN/instance-$n" \
    >>"$RUN/logs/infodesk-$n.log" 2>&1 &
  echo $! >"$RUN/pids/infodesk-$n"
}

instance_ready() { wait_for "http://127.0.0.1:${APP_PORTS[$(($1-1))]}/actuator/health/readiness" "${2:-300}"; }

logged_in() { # driver-log driver-pid: waits until the driver has logged its accounts in (the faults start after that)
  for _ in $(seq 600); do
    grep -q "^LOGGED IN" "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "the driver stopped before logging in: $(tail -3 "$1")" >&2; return 1; }
    sleep 1
  done
  return 1
}
