#!/usr/bin/env bash
# The side-by-side benchmark in one command (docs/benchmarks.md), from the repository root:
#   benchmarks/run.sh [--duration 15] [--warmup 45] [--rounds 3] [--scenarios selections,user,save,signin] [--metrics-compare] [--signin-accounts 1] [--jvm-option OPT] ...
# Builds the service jar and the benchmark module (reactor build, nothing installed into ~/.m2), then runs
# SideBySide. Needs wrk (Debian: apt-get install wrk). BENCH_DB_URL=jdbc:postgresql://...?user=... runs
# both apps on that PostgreSQL (in a schema made for the run and dropped after); unset, an embedded one.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
mvn -B -q ${MVN_OFFLINE:--o} package -DskipTests -pl bootstrap,benchmarks -am
exec mvn -B -q ${MVN_OFFLINE:--o} -pl benchmarks exec:exec@side-by-side -Dbench.args="$*"
