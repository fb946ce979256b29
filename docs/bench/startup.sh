#!/usr/bin/env bash
# Start-to-ready and SIGTERM-to-exit of the packaged jar, measured from outside (see docs/benchmarks.md).
# Usage, from the repository root after `mvn -B -o -q package -DskipTests`:
#   docs/bench/startup.sh embedded-existing|embedded-empty|external [runs]
#   docs/bench/startup.sh class-list   # rewrites bootstrap/src/main/cds/classes.list (see docs/adr/0009-*)
# Ready = first 200 from GET /health/ready, polled with curl every 10 ms. Prints one line per run (ms).
# Without provider variables the service runs in demo mode; to time the configured mode, export
# STARTUP_PROVIDERS=1 (fake Kroger and Foodin credentials: no sandbox, nothing is called at start).
# STARTUP_JAVA_OPTS: JVM options before -jar, e.g. "-XX:SharedArchiveFile=bootstrap/target/personal-shopper.jsa".
set -uo pipefail

mode=${1:?embedded-existing, embedded-empty, external or class-list}
runs=${2:-5}
jar=$(realpath "${STARTUP_JAR:-bootstrap/target/personal-shopper.jar}") # STARTUP_JAR: another build, e.g. the one before a change
port=${PORT:-18089}
work=$(mktemp -d /tmp/shopper-startup.XXXXXX)
schema=bench_startup_$$
db=${STARTUP_DB:-postgres} # external mode: the database the schema is made in (never CI's own)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"; [ "$mode" = external ] || [ "$mode" = class-list ] && psql -q -h 127.0.0.1 -U postgres "$db" -c "set client_min_messages = warning; drop schema if exists $schema cascade"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One start and stop with only the variables given (nothing inherited that starts with SHOPPER_ or KROGER_).
one_run() {
    local label=$1; shift
    local t0 t1 t2 pid code rss own cpu
    t0=$(now_ms)
    local providers=()
    [ -n "${STARTUP_PROVIDERS:-}" ] && providers=(KROGER_CLIENT_ID=bench KROGER_CLIENT_SECRET=bench FOODIN_CLIENT_ID=ca_bench
        FOODIN_CLIENT_SECRET=sk_test_bench FOODIN_BASE_URL=http://127.0.0.1:9)
    env -i PATH="$PATH" HOME="$HOME" SHOPPER_PORT="$port" SHOPPER_BIND_ADDRESS=127.0.0.1 "${providers[@]}" "$@" \
        java ${STARTUP_JAVA_OPTS:-} -jar "$jar" >"$work/$label.log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/health/ready"; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "$label: exited before ready"; cat "$work/$label.log"; return 1; fi
        sleep 0.01
    done
    t1=$(now_ms)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    # CPU (user + system, all threads) the JVM spent until ready: far less sensitive to a busy machine than wall time
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
    sleep "${STARTUP_LINGER:-0}" # class-list: what loads just after ready (the sandboxes' applications) too
    kill -TERM "$pid"
    wait "$pid"; code=$?
    t2=$(now_ms)
    own=$(grep -o 'ready on [^ ]* in [0-9]* ms' "$work/$label.log" | grep -o '[0-9]* ms$')
    echo "$mode $label start-to-ready=$((t1 - t0)) ms (service's own log: ready in $own) cpu-to-ready=$cpu ms sigterm-to-exit=$((t2 - t1)) ms exit=$code jvm-rss-when-ready=$((rss / 1024)) MiB load=$(cut -d" " -f1 /proc/loadavg)"
}

case $mode in
    embedded-existing)
        one_run prepare SHOPPER_DATA_DIR="$work/data" >/dev/null # creates the data dir; not counted
        for i in $(seq "$runs"); do one_run "run$i" SHOPPER_DATA_DIR="$work/data"; done ;;
    embedded-empty)
        for i in $(seq "$runs"); do rm -rf "$work/data"; one_run "run$i" SHOPPER_DATA_DIR="$work/data"; done ;;
    external)
        psql -q -h 127.0.0.1 -U postgres "$db" -c "create schema $schema"
        key=$(openssl rand -base64 32)
        url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres&currentSchema=$schema"
        one_run migrate SHOPPER_DATA_DIR="$work/data" SHOPPER_DB_URL="$url" SHOPPER_TOKEN_KEY="$key" # first start: migrations
        for i in $(seq "$runs"); do one_run "run$i" SHOPPER_DATA_DIR="$work/data" SHOPPER_DB_URL="$url" SHOPPER_TOKEN_KEY="$key"; done ;;
    class-list)
        # The classes a demo start on an existing data dir and a configured start on an external database load
        # until they stop, merged: the list the build makes the class data sharing archive from.
        psql -q -h 127.0.0.1 -U postgres "$db" -c "create schema $schema"
        key=$(openssl rand -base64 32)
        url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres&currentSchema=$schema"
        one_run prepare SHOPPER_DATA_DIR="$work/data" >/dev/null
        one_run migrate SHOPPER_DATA_DIR="$work/data" SHOPPER_DB_URL="$url" SHOPPER_TOKEN_KEY="$key" >/dev/null
        STARTUP_LINGER=3 STARTUP_JAVA_OPTS="-Xshare:off -XX:DumpLoadedClassList=$work/demo.list" one_run demo SHOPPER_DATA_DIR="$work/data"
        STARTUP_LINGER=3 STARTUP_PROVIDERS=1 STARTUP_JAVA_OPTS="-Xshare:off -XX:DumpLoadedClassList=$work/external.list" \
            one_run external SHOPPER_DATA_DIR="$work/data" SHOPPER_DB_URL="$url" SHOPPER_TOKEN_KEY="$key"
        list=$(dirname "$0")/../../bootstrap/src/main/cds/classes.list
        mkdir -p "$(dirname "$list")"
        # Left out: classes a multi-release jar entry (META-INF/versions) provides, which JDK 17 crashes on when
        # loaded from an archive while a class file load hook is on (JFR from launch, an agent), and generated proxies.
        unzip -Z1 "$jar" | sed -n 's#^META-INF/versions/[0-9]*/\(.*\)\.class$#\1#p' | sort -u >"$work/versioned"
        { echo "# Classes loaded by a demo start and a configured start until stopped (docs/bench/startup.sh class-list)."
          grep -hv '^#' "$work/demo.list" "$work/external.list" | awk '!seen[$0]++' \
              | awk 'NR == FNR { versioned[$1] = 1; next } { name = /^@/ ? $2 : $1 } !(name in versioned) && name !~ /^jdk\/proxy/' \
                  "$work/versioned" -; } >"$list"
        echo "$(grep -vc '^[#@]' "$list") classes in $list" ;;
    *) echo "unknown mode $mode"; exit 64 ;;
esac
