#!/usr/bin/env bash
# The assessment benchmark of issue 4 (100 units, 2,000 people, 200,000 scored events; recomputation of the year and
# the ranking page under 20 users): see bench/README.md and docs/performance.md.
exec "$(dirname "$0")/run.sh" bench/assessment.properties
