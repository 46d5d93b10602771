#!/usr/bin/env bash
# The reporting benchmark of issue 3 (200,000 items, 20 users): see bench/README.md and docs/performance.md.
exec "$(dirname "$0")/run.sh" bench/reporting.properties
