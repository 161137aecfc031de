#!/usr/bin/env bash
# Measures start-up time and memory after start of the packaged jar on the embedded defaults.
# Usage: ./mvnw -B -q package -DskipTests && scripts/startup-footprint.sh [runs]
# Each run starts on an empty data folder (so it includes Flyway and the demo seed), waits for readiness,
# then prints Spring's own "Started … in N seconds", the process RSS and the JVM heap in use.
set -euo pipefail
runs=${1:-3}
port=${PORT:-8095}
jar=target/oriole.jar
[ -f "$jar" ] || { echo "error: $jar missing; run ./mvnw -B -q package -DskipTests first" >&2; exit 2; }
# Metrics need a bearer token (docs/security.md); one for these runs only.
scrape_token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
for i in $(seq 1 "$runs"); do
    data=$(mktemp -d)
    log="$data/run.log"
    java -jar "$jar" --oriole.data-dir="$data" --server.port="$port" \
        --oriole.management.scrape-token="$scrape_token" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do
        curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break
        sleep 0.5
    done
    sleep 2
    started=$(grep -o "Started OrioleApplication in [0-9.]* seconds" "$log" | grep -o "[0-9.]*" | head -1)
    rss=$(ps -o rss= -p "$pid" | tr -d ' ')
    heap=$(curl -s -H "Authorization: Bearer $scrape_token" "localhost:$port/actuator/prometheus" \
        | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}')
    echo "run=$i started_s=$started rss_mb=$((rss / 1024)) heap_used_mb=$heap"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$data"
done
