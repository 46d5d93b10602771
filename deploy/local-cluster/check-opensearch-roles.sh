#!/usr/bin/env bash
# The roles of the local OpenSearch pair checked on their own (docs/deployment.md, "Fault checks"): a separate
# two-node cluster on 19211/19212 (transport 19311/19312), node-1 cluster manager and data, node-2 data only; node-2
# stopped → node-1 alone answers health, takes a write and searches; node-2 back → green. Needs the test class path
# of start.sh ($RUN/test-classpath.txt, target/test-classes); data under /tmp/osroles-*, removed at the end.
set -u
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
CPX="$(test_classpath)"; SEEDS=127.0.0.1:19311,127.0.0.1:19312
rm -rf /tmp/osroles-1 /tmp/osroles-2; mkdir -p /tmp/osroles-1 /tmp/osroles-2
T0=$(date +%s); say() { echo "== [$(( $(date +%s) - T0 )) s] $*"; }
start() { java -Xmx256m -cp "$CPX" io.infodesk.support.OpenSearchNode /tmp/osroles-$1 node-$1 1921$1 1931$1 $SEEDS $2 >/tmp/osroles-$1.log 2>&1 & echo $! >/tmp/osroles-$1.pid; }
echo "uptime: $(uptime)"
start 1 cluster_manager,data,ingest; start 2 data,ingest
wait_for "http://127.0.0.1:19211/_cluster/health?wait_for_status=green&wait_for_nodes=2&timeout=1s" 300 && say "green with 2 nodes"
curl -s -XPUT -H 'Content-Type: application/json' "http://127.0.0.1:19211/probe" -d '{"settings":{"number_of_shards":1,"number_of_replicas":1}}' >/dev/null
curl -s -XPUT -H 'Content-Type: application/json' "http://127.0.0.1:19211/probe/_doc/1?refresh=true" -d '{"t":"before"}' >/dev/null
wait_for "http://127.0.0.1:19211/_cluster/health/probe?wait_for_status=green&timeout=1s" 120 && say "index probe green"
curl -s "http://127.0.0.1:19211/_cat/nodes?h=name,node.roles,cluster_manager"
kill "$(cat /tmp/osroles-2.pid)"; while kill -0 "$(cat /tmp/osroles-2.pid)" 2>/dev/null; do sleep 1; done; say "node-2 stopped"
say "health with node-1 alone: $(curl -s -m 30 http://127.0.0.1:19211/_cluster/health | grep -o '"status":"[a-z]*"\|"number_of_nodes":[0-9]*' | tr '\n' ' ')"
say "write with node-1 alone: $(curl -s -m 30 -o /dev/null -w '%{http_code}' -XPUT -H 'Content-Type: application/json' 'http://127.0.0.1:19211/probe/_doc/2?refresh=true' -d '{"t":"during"}')"
say "search with node-1 alone: $(curl -s -m 30 'http://127.0.0.1:19211/probe/_search' | grep -o '"total":{"value":[0-9]*')"
start 2 data,ingest; say "node-2 starting"
wait_for "http://127.0.0.1:19211/_cluster/health?wait_for_status=green&wait_for_nodes=2&timeout=1s" 300 && say "green again: $(curl -s http://127.0.0.1:19212/probe/_search?preference=_only_local | grep -o '"total":{"value":[0-9]*')" 
kill "$(cat /tmp/osroles-1.pid)" "$(cat /tmp/osroles-2.pid)"; sleep 5; rm -rf /tmp/osroles-1 /tmp/osroles-2
echo "uptime: $(uptime)"
