#!/usr/bin/env bash
# Stops what start.sh started, by its pid files (nginx by its own pid file, PostgreSQL through pg_ctl).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUN="${INFODESK_CLUSTER_DIR:-$ROOT/target/local-cluster}"
[ -f "$RUN/nginx.pid" ] && nginx -c "$RUN/nginx.conf" -p "$RUN" -s quit
for f in "$RUN"/pids/infodesk-* "$RUN"/pids/opensearch-*; do
  [ -f "$f" ] || continue
  kill "$(cat "$f")" 2>/dev/null && echo "stopped $(basename "$f")"
  rm -f "$f"
done
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
AS_PG=(); [ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
[ -d "$RUN/pgdata" ] && "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$RUN/pgdata" -m fast stop
exit 0
