#!/usr/bin/env bash
# GET /Contacts?pageSize=1000 from a 100,000-contact organisation, limits off, the simulator in its own JVM.
# Usage: bench/xero-simulator/run.sh   (from anywhere; see bench/README.md)
# Environment: JAVA_HOME (JDK 25), CONTACTS (100000), CLOSED ("1:30 2:30 4:30" = clients:seconds),
# OPEN ("100:60 200:60 500:30" = pages per second:seconds), WARMUP (20 s), SIM_JAVA_OPTS (JVM options of the simulator).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
contacts="${CONTACTS:-100000}"
closed="${CLOSED-1:30 2:30 4:30}"
open="${OPEN-100:60 200:60 500:30}"
warmup="${WARMUP:-20}"

jar="$(ls "$root"/xero-simulator/target/xero-simulator-*-standalone.jar 2>/dev/null | head -n 1 || true)"
if [[ -z "$jar" ]] || [[ -n "$(find "$root/xero-simulator/src/main" "$root/xero-simulator/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "Building the simulator's standalone jar..."
    (cd "$root" && ./mvnw -q -B -pl xero-simulator package -DskipTests)
    jar="$(ls "$root"/xero-simulator/target/xero-simulator-*-standalone.jar | head -n 1)"
fi

log="$(mktemp -t xerosim-bench.XXXXXX.log)"
echo "Starting $jar with $contacts generated contacts"
# shellcheck disable=SC2086
"$java" ${SIM_JAVA_OPTS:-} -jar "$jar" --port 0 --generate "$contacts" --rate-limits off \
    --access-token-lifetime 86400 --print-test-token >"$log" 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null || true; wait "$sim" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 600); do
    grep -q "listening on" "$log" && break
    kill -0 "$sim" 2>/dev/null || { cat "$log"; echo "The simulator did not start" >&2; exit 1; }
    sleep 0.2
done
grep -q "listening on" "$log" || { cat "$log"; echo "The simulator did not start in time" >&2; exit 1; }
base="$(sed -n 's/^XEROSIM_BASE_URL=//p' "$log")"
tenant="$(sed -n 's/^XEROSIM_TENANT_ID=//p' "$log")"
token="$(sed -n 's/^XEROSIM_ACCESS_TOKEN=//p' "$log")"
grep -v '^XEROSIM_ACCESS_TOKEN=' "$log"

args=()
for run in $closed; do args+=(--closed "$run"); done
for run in $open; do args+=(--open "$run"); done

echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, $("$java" -version 2>&1 | head -n 1)"
echo "Date: $(date -u +%Y-%m-%dT%H:%MZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if awk '{exit !($1 > 1.0)}' /proc/loadavg; then
    echo "Warning: the machine is busy (1-minute load above 1); figures will be lower and noisier than on a quiet machine."
fi
"$java" "$here/Bench.java" --base "$base" --tenant "$tenant" --token "$token" --server-pid "$sim" \
    --pages $(( (contacts + 999) / 1000 < 100 ? (contacts + 999) / 1000 : 100 )) --page-size 1000 \
    --warmup "$warmup" "${args[@]}"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
