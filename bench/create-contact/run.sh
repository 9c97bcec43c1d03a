#!/usr/bin/env bash
# Create Contact (POST /api/v1/contacts/{id}/xero) latency, split into Kontor's own time and the simulator's,
# at fixed arrival rates. Kontor and the Xero simulator each run in their own JVM; the Accounting API calls pass
# through BudgetProxy.java (a third JVM) that keeps Kontor's own rate budget from running out (see its header).
# Usage: bench/create-contact/run.sh   (from anywhere; see bench/README.md)
# Environment: JAVA_HOME (JDK 25), RATES ("10 20" creates per second), CREATES (1000 per rate),
# WARMUP (500 creates at the first rate, not reported), KONTOR_JAVA_OPTS, SIM_JAVA_OPTS (JVM options).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
rates="${RATES:-10 20}"
creates="${CREATES:-1000}"
warmup="${WARMUP:-500}"

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

scratch="$(mktemp -d -t kontor-bench-create.XXXXXX)"
sim="" kontor="" proxy=""
stop() {
    for pid in $kontor $proxy $sim; do kill "$pid" 2>/dev/null || true; done
    for pid in $kontor $proxy $sim; do wait "$pid" 2>/dev/null || true; done
    [[ -f "$scratch/proxy.log" ]] && grep "^stats:" "$scratch/proxy.log" | sed 's/^stats:/Proxy (all phases, setup included):/' || true
    rm -rf "$scratch" # logs (the demo passwords), both data files (tokens, the app secret)
}
trap stop EXIT

sim_port="$(free_port)"
kontor_port="$(free_port)"
proxy_port="$(free_port)"
while [[ "$kontor_port" == "$sim_port" || "$proxy_port" == "$sim_port" || "$proxy_port" == "$kontor_port" ]]; do
    kontor_port="$(free_port)"
    proxy_port="$(free_port)"
done
proxy_url="http://127.0.0.1:$proxy_port"
sim_url="http://127.0.0.1:$sim_port"
kontor_url="http://localhost:$kontor_port"
client_id="kontor-bench"
# A throwaway secret for this run's app registration; never printed, gone with the scratch directory.
client_secret="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"

wait_for() { # pid, log, pattern, name
    for _ in $(seq 1 600); do
        grep -q "$3" "$2" && return 0
        kill -0 "$1" 2>/dev/null || { echo "$4 did not start; its log:" >&2; grep -v "password:" "$2" >&2; exit 1; }
        sleep 0.2
    done
    echo "$4 did not start in time" >&2
    exit 1
}

mkdir -p "$scratch/simulator" "$scratch/kontor"
echo "Starting the simulator ($sim_jar) at $sim_url, rate limits off"
# shellcheck disable=SC2086
(cd "$scratch/simulator" && exec "$java" ${SIM_JAVA_OPTS:-} -jar "$sim_jar" --port "$sim_port" \
    --data "$scratch/simulator/xero.json" --demo --rate-limits off --client-id "$client_id" \
    --client-secret "$client_secret" --redirect-uri "$kontor_url/settings/integrations/xero/callback" \
    >"$scratch/simulator.log" 2>&1) &
sim=$!
wait_for "$sim" "$scratch/simulator.log" "listening on" "The simulator"

echo "Starting BudgetProxy.java at $proxy_url for the simulator's Accounting API"
"$java" "$here/BudgetProxy.java" --port "$proxy_port" --upstream "$sim_url" >"$scratch/proxy.log" 2>&1 &
proxy=$!
wait_for "$proxy" "$scratch/proxy.log" "proxy listening on" "The proxy"

echo "Starting Kontor ($kontor_jar) at $kontor_url in demo mode (H2 under $scratch/kontor/data)"
# shellcheck disable=SC2086
(cd "$scratch/kontor" && KONTOR_XERO_CLIENT_ID="$client_id" KONTOR_XERO_CLIENT_SECRET="$client_secret" \
    exec "$java" ${KONTOR_JAVA_OPTS:-} -jar "$kontor_jar" --server.port="$kontor_port" \
    --kontor.xero.authorization-uri="$sim_url/identity/connect/authorize" \
    --kontor.xero.token-uri="$sim_url/connect/token" \
    --kontor.xero.jwks-uri="$sim_url/.well-known/openid-configuration/jwks" \
    --kontor.xero.revocation-uri="$sim_url/connect/revocation" \
    --kontor.xero.connections-uri="$sim_url/connections" \
    --kontor.xero.api-uri="$proxy_url/api.xro/2.0" \
    --kontor.xero.web-uri="$sim_url" \
    --kontor.xero.issuer="$sim_url" \
    >"$scratch/kontor.log" 2>&1) &
kontor=$!
wait_for "$kontor" "$scratch/kontor.log" "Demo sign-in: admin@example.com" "Kontor"

args=()
for rate in $rates; do args+=(--rate "$rate"); done

echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, $("$java" -version 2>&1 | head -n 1)"
echo "Kontor at commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if awk '{exit !($1 > 1.0)}' /proc/loadavg; then
    echo "Warning: the machine is busy (1-minute load above 1); figures will be higher and noisier than on a quiet machine."
fi
"$java" "$here/Bench.java" --kontor "$kontor_url" --simulator "$sim_url" --kontor-log "$scratch/kontor.log" \
    --kontor-pid "$kontor" --simulator-pid "$sim" --proxy "$proxy_url" --proxy-pid "$proxy" --warmup "$warmup" --creates "$creates" "${args[@]}"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -qE "ERROR|Exception" "$scratch/kontor.log"; then
    echo "Kontor logged errors during the run (first 20 lines):"
    grep -E "ERROR|Exception" "$scratch/kontor.log" | head -n 20
fi
