#!/usr/bin/env bash
# Contact list, search and contact page at 100,000 contacts: latency at fixed arrival rates (open loop, no
# coordinated omission) and maximum throughput. Kontor runs from app/target/kontor.jar in demo mode, on a
# PostgreSQL database of its own (default) or on its H2 file database (DB=h2).
# Usage: bench/search/run.sh   (from anywhere; see bench/README.md)
# Environment: JAVA_HOME (JDK 25), DB (postgresql | h2), CONTACTS (100000), RATES ("50 200" requests per
# second), RUN_SECONDS (30 per rate and kind), WARMUP (45 s), CLOSED ("4": client counts for maximum
# throughput), CLOSED_SECONDS (15), KONTOR_JAVA_OPTS, PG_URL (jdbc:postgresql://127.0.0.1:5432),
# PG_USER (postgres), PG_PASSWORD ("").
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
db="${DB:-postgresql}"
contacts="${CONTACTS:-100000}"
rates="${RATES:-50 200}"
seconds="${RUN_SECONDS:-30}"
warmup="${WARMUP:-45}"
closed="${CLOSED:-4}"
closed_seconds="${CLOSED_SECONDS:-15}"
pg_url="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
pg_user="${PG_USER:-postgres}"
pg_password="${PG_PASSWORD:-}"

kontor_jar="$root/app/target/kontor.jar"
if [[ ! -f "$kontor_jar" ]] \
    || [[ -n "$(find "$root/app/src/main" "$root/app/pom.xml" "$root/xero-simulator/src/main" \
                     "$root/xero-simulator/pom.xml" "$root/pom.xml" -newer "$kontor_jar" -print -quit)" ]]; then
    echo "Building kontor.jar..."
    (cd "$root" && ./mvnw -q -B -DskipTests -pl app -am package)
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

scratch="$(mktemp -d -t kontor-bench-search.XXXXXX)"
database="kontor_bench_search_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
kontor=""
psql_admin() {
    PGPASSWORD="$pg_password" psql -q -X -v ON_ERROR_STOP=1 \
        "postgresql://$pg_user@${pg_url#jdbc:postgresql://}/postgres" -c "$1"
}
stop_kontor() {
    if [[ -n "$kontor" ]]; then
        kill "$kontor" 2>/dev/null || true
        wait "$kontor" 2>/dev/null || true
        kontor=""
    fi
}
stop() {
    stop_kontor
    if [[ "$db" == "postgresql" ]]; then
        psql_admin "drop database if exists $database with (force)" || true
    fi
    rm -rf "$scratch" # the logs hold the demo passwords
}
trap stop EXIT

port="$(free_port)"
kontor_url="http://localhost:$port"
db_env=()
if [[ "$db" == "postgresql" ]]; then
    psql_admin "create database $database"
    jdbc="$pg_url/$database"
    db_env=(KONTOR_DB_URL="$jdbc" KONTOR_DB_USER="$pg_user" KONTOR_DB_PASSWORD="$pg_password")
    loader_login=(--user "$pg_user" --password "$pg_password")
elif [[ "$db" == "h2" ]]; then
    # Kontor's own default: the file database under ./data of its working directory.
    jdbc="jdbc:h2:file:$scratch/kontor/data/kontor;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    loader_login=(--user sa --password "")
else
    echo "DB must be postgresql or h2" >&2
    exit 2
fi

start_kontor() {
    # shellcheck disable=SC2086
    (cd "$scratch/kontor" && exec env "${db_env[@]}" "$java" ${KONTOR_JAVA_OPTS:-} -jar "$kontor_jar" \
        --server.port="$port" >>"$scratch/kontor.log" 2>&1) &
    kontor=$!
    # $1: how many starts are in the log already; this one adds its own "Demo sign-in" lines.
    for _ in $(seq 1 900); do
        if [[ "$(grep -c "Demo sign-in: admin@example.com" "$scratch/kontor.log" 2>/dev/null || true)" -gt "${1:-0}" ]]; then
            return 0
        fi
        kill -0 "$kontor" 2>/dev/null || { echo "Kontor did not start; its log:" >&2; grep -v "password:" "$scratch/kontor.log" >&2; exit 1; }
        sleep 0.2
    done
    echo "Kontor did not start in time" >&2
    exit 1
}

mkdir -p "$scratch/kontor" "$scratch/classes"
# A copy, so a build in the work tree while the benchmark runs cannot change the jar under Kontor.
cp "$kontor_jar" "$scratch/kontor.jar"
kontor_jar="$scratch/kontor.jar"
echo "Unpacking kontor.jar for the loader (it stores contacts with Kontor's own ContactRows)"
(cd "$scratch/classes" && unzip -q "$kontor_jar" 'BOOT-INF/*')
loader=("$java" -cp "$scratch/classes/BOOT-INF/classes:$scratch/classes/BOOT-INF/lib/*" "$here/Loader.java"
    --jdbc "$jdbc" "${loader_login[@]}" --contacts "$contacts" --ids "$scratch/ids.txt" --terms "$scratch/terms.txt")

echo "Starting Kontor at $kontor_url in demo mode on $db (schema and demo practice)"
start_kontor 0
if [[ "$db" == "h2" ]]; then
    # The H2 file is Kontor's alone while it runs: load with Kontor stopped, then start it again.
    stop_kontor
    echo "Loading $contacts contacts into the demo practice (H2, Kontor stopped)"
    "${loader[@]}"
    start_kontor 1
else
    echo "Loading $contacts contacts into the demo practice (PostgreSQL $database)"
    "${loader[@]}"
fi

closed_args=()
for c in $closed; do closed_args+=(--closed "$c"); done
rate_args=()
for r in $rates; do rate_args+=(--rate "$r"); done

echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, $("$java" -version 2>&1 | head -n 1)"
echo "Kontor at commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), database $db"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if awk '{exit !($1 > 1.0)}' /proc/loadavg; then
    echo "Warning: the machine is busy (1-minute load above 1); figures will be higher and noisier than on a quiet machine."
fi
"$java" "$here/Bench.java" --kontor "$kontor_url" --kontor-log "$scratch/kontor.log" --kontor-pid "$kontor" \
    --ids "$scratch/ids.txt" --terms "$scratch/terms.txt" --seconds "$seconds" --warmup "$warmup" \
    --closed-seconds "$closed_seconds" "${rate_args[@]}" "${closed_args[@]}"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -qE "ERROR|Exception" "$scratch/kontor.log"; then
    echo "Kontor logged errors during the run (first 20 lines):"
    grep -E "ERROR|Exception" "$scratch/kontor.log" | head -n 20 || true
fi
