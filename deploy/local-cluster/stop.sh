#!/usr/bin/env bash
# Stops what start.sh started, by its pid files (nginx by its own pid file, PostgreSQL through pg_ctl), and waits
# until each process is gone.
set -uo pipefail
source "$(cd "$(dirname "$0")" && pwd)/lib.sh"
[ -f "$RUN/nginx.pid" ] && nginx -c "$RUN/nginx.conf" -p "$RUN" -s quit && echo "stopped nginx"
for f in "$RUN"/pids/infodesk-* "$RUN"/pids/opensearch-*; do
  [ -f "$f" ] || continue
  pid="$(cat "$f")"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "stopped $(basename "$f")"
  fi
  rm -f "$f"
done
[ -d "$RUN/pgdata" ] && [ -f "$RUN/pgdata/postmaster.pid" ] \
  && "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$RUN/pgdata" -m fast -w stop >/dev/null && echo "stopped PostgreSQL"
exit 0
