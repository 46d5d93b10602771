#!/usr/bin/env bash
# Fault checks of issue 18 on the local cluster (docs/deployment.md, "Fault checks"): too long for CI, so a script
# with its last figures in the docs. Needs the cluster up with the demo data: DEMO=1 deploy/local-cluster/start.sh.
#   deploy/local-cluster/faults.sh            # all three; or: faults.sh kill | opensearch | postgres
# 1. kill: adoptions (ledger events) written through nginx while instance 2 is killed with kill -9 and started again
#    → every acknowledged adoption is in PostgreSQL, no event publication is left incomplete, every adoption has its
#    ledger entries exactly once, the recomputation of today equals the ledger (差异 0 处), no delivery sent twice.
# 2. opensearch: node 2 stopped → search pages keep answering through nginx, the outbox drains (writes reach the
#    index through node 1), node 2 rejoins and the cluster is green again.
# 3. postgres: PostgreSQL restarted under load → errors while it is down, then the instances answer again without a
#    restart of their own (HikariCP reconnects).
set -uo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
WHICH="${1:-all}"
CP="$(test_classpath)"
OUT="$RUN/faults"; mkdir -p "$OUT"
T0=$(date +%s); say() { echo "== [$(( $(date +%s) - T0 )) s] $*"; }
driver() { java -cp "$CP" io.infodesk.support.ClusterDriver "$@"; }
wait_sql_zero() { # sql seconds → prints seconds waited, or FAIL
  for i in $(seq 0 "$2"); do [ "$(psql_q "$1")" = 0 ] && { echo "$i"; return 0; }; sleep 1; done; echo FAIL; return 1
}
curl -fsS -o /dev/null "$BASE/actuator/health/readiness" || { echo "the cluster is not up (start.sh)" >&2; exit 1; }
ITEMS="$(psql_q "select string_agg(id::text, ',') from (select id from rpt_item where status in ('SUBMITTED','ADOPTED') order by id desc limit 20) t")"
echo "uptime: $(uptime)"

if [ "$WHICH" = all ] || [ "$WHICH" = kill ]; then
  LABEL="KILL$(date +%s)"; ACK="$OUT/$LABEL.ack"; : >"$ACK"
  say "kill -9: 6 users (3 writing adoptions) for 40 s through nginx; instance 2 killed 12 s after the logins, started again 8 s later"
  driver load "$BASE" 6 40 3 "$ITEMS" "$ACK" "$LABEL" >"$OUT/$LABEL.log" 2>&1 &
  DRIVER=$!
  logged_in "$OUT/$LABEL.log" "$DRIVER" || exit 1
  sleep 12; kill -9 "$(cat "$RUN/pids/infodesk-2")"; say "killed instance 2 (kill -9)"
  sleep 8; start_instance 2; say "instance 2 starting"
  wait "$DRIVER"; grep SUMMARY "$OUT/$LABEL.log"
  instance_ready 2 600 && say "instance 2 ready again"
  acked=$(wc -l <"$ACK")
  stored=$(psql_q "select count(*) from rpt_adoption where outlet like '$LABEL-%'")
  lost=0
  while IFS=$'\t' read -r item outlet; do
    [ "$(psql_q "select count(*) from rpt_adoption where item_id=$item and outlet='$outlet'")" = 1 ] || lost=$((lost+1))
  done <"$ACK"
  say "acknowledged $acked, stored $stored (stored ≥ acknowledged: a write may be done when its answer was lost), acknowledged but lost: $lost"
  waited=$(wait_sql_zero "select count(*) from event_publication where completion_date is null" 600)
  say "incomplete event publications: 0 after ${waited} s (resubmitted by the restarted instance)"
  missing=$(psql_q "select count(*) from rpt_adoption a where a.outlet like '$LABEL-%' and not exists (select 1 from asm_entry e where e.source_type = 'ADOPTION' and e.source_id = a.id::text)")
  twice=$(psql_q "select count(*) from (select source_type, source_id, rule_key, recipient_key from asm_entry e join rpt_adoption a on e.source_type = 'ADOPTION' and e.source_id = a.id::text where a.outlet like '$LABEL-%' group by 1,2,3,4 having count(*) > 1) d")
  say "adoptions without ledger entries: $missing; ledger keys entered twice: $twice"
  today=$(TZ=Asia/Shanghai date +%F)
  say "recomputation of $today vs the ledger: $(driver page "$BASE" office "/assessment/recompute?from=$today&to=$today" '共 [0-9]+ 项事项[^<]*')"
  say "deliveries sent more than once: $(psql_q "select count(*) from (select delivery_id from notification_attempt where success and delivery_id is not null group by delivery_id having count(*) > 1) d"), deliveries: $(psql_q "select count(*) from notification_delivery")"
fi

if [ "$WHICH" = all ] || [ "$WHICH" = opensearch ]; then
  LABEL="OS$(date +%s)"; ACK="$OUT/$LABEL.ack"; : >"$ACK"
  say "OpenSearch: node 2 stopped while 6 users (2 writing) read pages and search for 40 s; started again at 25 s"
  driver load "$BASE" 6 40 2 "$ITEMS" "$ACK" "$LABEL" >"$OUT/$LABEL.log" 2>&1 &
  DRIVER=$!
  logged_in "$OUT/$LABEL.log" "$DRIVER" || exit 1
  sleep 5; kill "$(cat "$RUN/pids/opensearch-2")"; say "stopped OpenSearch node 2"
  sleep 3; say "cluster health with node 1 alone: $(curl -s "http://127.0.0.1:${OS_HTTP[0]}/_cluster/health" | grep -o '"status":"[a-z]*"\|"number_of_nodes":[0-9]*' | tr '\n' ' ')"
  waited=$(wait_sql_zero "select count(*) from hsearch_outbox_event" 60)
  say "outbox drained with node 2 down after ${waited} s"
  sleep 15; start_opensearch 2; say "OpenSearch node 2 starting"
  wait "$DRIVER"; grep SUMMARY "$OUT/$LABEL.log"
  wait_for "http://127.0.0.1:${OS_HTTP[0]}/_cluster/health?wait_for_status=green&timeout=1s" 120 \
    && say "cluster green again: $(curl -s "http://127.0.0.1:${OS_HTTP[0]}/_cluster/health" | grep -o '"number_of_nodes":[0-9]*')"
  waited=$(wait_sql_zero "select count(*) from hsearch_outbox_event" 60)
  say "outbox empty ${waited} s after; events that failed for good: $(psql_q "select count(*) from hsearch_outbox_event where status <> 'PENDING'")"
fi

if [ "$WHICH" = all ] || [ "$WHICH" = postgres ]; then
  LABEL="PG$(date +%s)"; ACK="$OUT/$LABEL.ack"; : >"$ACK"
  say "PostgreSQL restarted while 6 users (2 writing) work for 45 s"
  driver load "$BASE" 6 45 2 "$ITEMS" "$ACK" "$LABEL" >"$OUT/$LABEL.log" 2>&1 &
  DRIVER=$!
  logged_in "$OUT/$LABEL.log" "$DRIVER" || exit 1
  sleep 10
  "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$RUN/pgdata" -m fast -w stop >/dev/null; say "PostgreSQL stopped"
  sleep 5
  "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$RUN/pgdata" -l "$RUN/pgdata/server.log" -w \
    -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c timezone=UTC" start >/dev/null; say "PostgreSQL started"
  wait "$DRIVER"; grep -E "errors/s= *[1-9]" "$OUT/$LABEL.log" | head -20; grep SUMMARY "$OUT/$LABEL.log"
  for n in 1 2; do
    say "instance $n readiness: $(curl -s "http://127.0.0.1:${APP_PORTS[$((n-1))]}/actuator/health/readiness"), same pid: $(kill -0 "$(cat "$RUN/pids/infodesk-$n")" && echo yes)"
  done
  acked=$(wc -l <"$ACK"); stored=$(psql_q "select count(*) from rpt_adoption where outlet like '$LABEL-%'")
  say "acknowledged $acked, stored $stored"
fi
echo "uptime: $(uptime)"
