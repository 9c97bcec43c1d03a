#!/usr/bin/env bash
# Import of N Xero contacts and webhook-to-visible latency: Kontor from app/target/kontor.jar (demo mode, on a
# PostgreSQL database of its own or on its H2 file), the Xero simulator in its own JVM (SyncSimulator.java on
# the simulator's standalone jar).
# Usage: bench/sync/run.sh   (from anywhere; see bench/README.md)
# Environment: JAVA_HOME (JDK 25), DB (postgresql | h2), CONTACTS (100000), PER_SECOND (1: every contact in an
# UpdatedDateUTC second of its own; K: K contacts share each second; 0: all in one second), RATE_LIMITS
# (off | xero), WEBHOOKS (200 renames; 0 = none), WEBHOOK_RATE (2 per second), SAMPLES_EVERY (1000 ms between
# jcmd Thread.print samples of Kontor; 0 = none), JFR (1: a flight recording of Kontor, its hot methods
# printed), KONTOR_JAVA_OPTS, SIM_JAVA_OPTS, PG_URL (jdbc:postgresql://127.0.0.1:5432), PG_USER (postgres),
# PG_PASSWORD ("").
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
db="${DB:-postgresql}"
contacts="${CONTACTS:-100000}"
per_second="${PER_SECOND:-1}"
rate_limits="${RATE_LIMITS:-off}"
webhooks="${WEBHOOKS:-200}"
webhook_rate="${WEBHOOK_RATE:-2}"
samples_every="${SAMPLES_EVERY:-1000}"
pg_url="${PG_URL:-jdbc:postgresql://127.0.0.1:5432}"
pg_user="${PG_USER:-postgres}"
pg_password="${PG_PASSWORD:-}"

kontor_jar="$root/app/target/kontor.jar"
sim_jar="$(ls "$root"/xero-simulator/target/xero-simulator-*-standalone.jar 2>/dev/null | head -n 1 || true)"
if [[ ! -f "$kontor_jar" || -z "$sim_jar" ]] \
    || [[ -n "$(find "$root/app/src/main" "$root/app/pom.xml" "$root/xero-simulator/src/main" \
                     "$root/xero-simulator/pom.xml" "$root/pom.xml" -newer "$kontor_jar" -print -quit)" ]] \
    || [[ -n "$(find "$root/xero-simulator/src/main" "$root/xero-simulator/pom.xml" -newer "$sim_jar" -print -quit)" ]]; then
    echo "Building kontor.jar and the simulator's standalone jar..."
    (cd "$root" && ./mvnw -q -B -DskipTests -pl app -am package)
    sim_jar="$(ls "$root"/xero-simulator/target/xero-simulator-*-standalone.jar | head -n 1)"
fi

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

scratch="$(mktemp -d -t kontor-bench-sync.XXXXXX)"
database="kontor_bench_sync_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
sim="" kontor=""
psql_admin() {
    PGPASSWORD="$pg_password" psql -q -X -v ON_ERROR_STOP=1 \
        "postgresql://$pg_user@${pg_url#jdbc:postgresql://}/postgres" -c "$1"
}
stop() {
    for pid in $kontor $sim; do kill "$pid" 2>/dev/null || true; done
    for pid in $kontor $sim; do wait "$pid" 2>/dev/null || true; done
    if [[ -f "$scratch/kontor.jfr" ]]; then
        echo "Kontor's flight recording, hot methods (CPU samples of all threads):"
        "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$scratch/kontor.jfr" 2>/dev/null | head -n 40 || true
    fi
    if [[ "$db" == "postgresql" ]]; then
        psql_admin "drop database if exists $database with (force)" || true
    fi
    if [[ -n "${KEEP:-}" ]]; then
        echo "Kept $scratch (KEEP is set; it holds the demo passwords)"
    else
        rm -rf "$scratch" # the logs (the demo passwords)
    fi
}
trap stop EXIT

sim_port="$(free_port)"
control_port="$(free_port)"
kontor_port="$(free_port)"
while [[ "$kontor_port" == "$sim_port" || "$control_port" == "$sim_port" || "$control_port" == "$kontor_port" ]]; do
    control_port="$(free_port)"
    kontor_port="$(free_port)"
done
sim_url="http://127.0.0.1:$sim_port"
kontor_url="http://localhost:$kontor_port"
client_id="kontor-bench-sync"
# Throwaway secrets for this run, never printed, gone with the scratch directory.
client_secret="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
webhook_key="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"

wait_for() { # pid, log, pattern, name
    for _ in $(seq 1 1500); do
        grep -q "$3" "$2" && return 0
        kill -0 "$1" 2>/dev/null || { echo "$4 did not start; its log:" >&2; grep -v "password:" "$2" >&2; exit 1; }
        sleep 0.2
    done
    echo "$4 did not start in time" >&2
    exit 1
}

mkdir -p "$scratch/simulator" "$scratch/kontor"
# Copies, so a build in the work tree while the benchmark runs cannot change a jar under a running JVM.
cp "$kontor_jar" "$scratch/kontor.jar"
cp "$sim_jar" "$scratch/xero-simulator.jar"

echo "Starting the simulator at $sim_url: $contacts contacts, per second: $per_second, rate limits $rate_limits"
# shellcheck disable=SC2086
(cd "$scratch/simulator" && exec "$java" ${SIM_JAVA_OPTS:-} -cp "$scratch/xero-simulator.jar" "$here/SyncSimulator.java" \
    --port "$sim_port" --control-port "$control_port" --contacts "$contacts" --per-second "$per_second" \
    --rate-limits "$rate_limits" --client-id "$client_id" --client-secret "$client_secret" \
    --redirect-uri "$kontor_url/settings/integrations/xero/callback" \
    >"$scratch/simulator.log" 2>&1) &
sim=$!
wait_for "$sim" "$scratch/simulator.log" "listening on" "The simulator"
grep -E "^(Organisation|Rate limits)" "$scratch/simulator.log"

db_env=()
if [[ "$db" == "postgresql" ]]; then
    psql_admin "create database $database"
    db_env=(KONTOR_DB_URL="$pg_url/$database" KONTOR_DB_USER="$pg_user" KONTOR_DB_PASSWORD="$pg_password")
elif [[ "$db" != "h2" ]]; then
    echo "DB must be postgresql or h2" >&2
    exit 2
fi
kontor_opts="-Xlog:gc:file=$scratch/kontor-gc.log ${KONTOR_JAVA_OPTS:-}"
if [[ -n "${JFR:-}" ]]; then
    kontor_opts="$kontor_opts -XX:StartFlightRecording=filename=$scratch/kontor.jfr,settings=profile"
fi
echo "Starting Kontor at $kontor_url in demo mode on $db ($([[ "$db" == postgresql ]] && echo "database $database" || echo "H2 file under the scratch directory"))"
# shellcheck disable=SC2086
(cd "$scratch/kontor" && exec env "${db_env[@]}" KONTOR_XERO_CLIENT_ID="$client_id" \
    KONTOR_XERO_CLIENT_SECRET="$client_secret" KONTOR_XERO_WEBHOOK_KEY="$webhook_key" \
    "$java" $kontor_opts -jar "$scratch/kontor.jar" --server.port="$kontor_port" \
    --kontor.xero.authorization-uri="$sim_url/identity/connect/authorize" \
    --kontor.xero.token-uri="$sim_url/connect/token" \
    --kontor.xero.jwks-uri="$sim_url/.well-known/openid-configuration/jwks" \
    --kontor.xero.revocation-uri="$sim_url/connect/revocation" \
    --kontor.xero.connections-uri="$sim_url/connections" \
    --kontor.xero.api-uri="$sim_url/api.xro/2.0" \
    --kontor.xero.web-uri="$sim_url" \
    --kontor.xero.issuer="$sim_url" \
    >"$scratch/kontor.log" 2>&1) &
kontor=$!
wait_for "$kontor" "$scratch/kontor.log" "Demo sign-in: admin@example.com" "Kontor"

echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, $("$java" -version 2>&1 | head -n 1)"
if [[ "$db" == "postgresql" ]]; then
    echo "PostgreSQL: $(psql_admin "select version()" -At 2>/dev/null | cut -d' ' -f1-2 || echo '?')"
fi
echo "Kontor at commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), database $db"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if awk '{exit !($1 > 1.0)}' /proc/loadavg; then
    echo "Warning: the machine is busy (1-minute load above 1); figures will be slower and noisier than on a quiet machine."
fi
"$java" "$here/Sync.java" --kontor "$kontor_url" --simulator "$sim_url" --control "http://127.0.0.1:$control_port" \
    --kontor-log "$scratch/kontor.log" --kontor-pid "$kontor" --simulator-pid "$sim" --gc-log "$scratch/kontor-gc.log" \
    --contacts "$contacts" --rate-limits "$rate_limits" --samples-every "$samples_every" \
    --webhooks "$webhooks" --webhook-rate "$webhook_rate" --webhook-key "$webhook_key" \
    --label "$db, $contacts contacts, $per_second per second, limits $rate_limits"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -qE "ERROR|Exception" "$scratch/kontor.log"; then
    echo "Kontor logged errors during the run (first 20 lines):"
    grep -E "ERROR|Exception" "$scratch/kontor.log" | grep -v "password:" | head -n 20 || true
fi
