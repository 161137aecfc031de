#!/usr/bin/env bash
# Starts the nodes the load benchmark (scripts/load-test.sh) runs against, from the packaged jar.
#   scripts/load-nodes.sh h2         one node on :8081 with the embedded defaults (H2 in a fresh temporary folder)
#   scripts/load-nodes.sh pg-redis   two nodes on :8081 and :8082 sharing PostgreSQL (database oriole_load, created
#                                    afresh) and Redis (127.0.0.1:6379)
#   scripts/load-nodes.sh stop       stops the nodes this script started
# Environment: ORIOLE_OPERATOR_TOKEN (default: a fixed benchmark token), ORIOLE_DB_USER (default postgres),
# JAVA_OPTS (default -Xmx2g), ORIOLE_LOAD_LOG_STATEMENTS=1 (PostgreSQL logs every statement, to count them per
# message). Logs and pids go to target/load-nodes/. Build the jar first:
#   ./mvnw -B -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: scripts/load-nodes.sh h2|pg-redis|stop}
run=target/load-nodes
token=${ORIOLE_OPERATOR_TOKEN:-load-benchmark-operator-token-2026}
db_user=${ORIOLE_DB_USER:-postgres}
java_opts=${JAVA_OPTS:--Xmx2g}

stop() {
    for pid_file in "$run"/*.pid; do
        [ -e "$pid_file" ] || continue
        pid=$(cat "$pid_file")
        kill "$pid" 2>/dev/null || true
        # Graceful shutdown finishes in-flight work first; wait for it so the database can be dropped afterwards.
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        rm -f "$pid_file"
    done
}

# Widget limits exist to stop one abusive visitor or address; the benchmark is a thousand honest visitors that all
# come from 127.0.0.1, so the per-address and per-tenant limits are raised for it (the per-visitor ones are not).
common=(--oriole.platform.operator-token="$token" --oriole.management.scrape-token="$token"
    --oriole.demo.enabled=false
    --oriole.widget.limits.ip.burst=100000 --oriole.widget.limits.ip.per-minute=1000000
    --oriole.widget.limits.tenant.burst=100000 --oriole.widget.limits.tenant.per-minute=1000000
    --logging.file.name="$run/oriole-\${server.port}.log")

start() {
    local name=$1; shift
    # shellcheck disable=SC2086
    nohup java $java_opts -jar target/oriole.jar "${common[@]}" "$@" >"$run/$name.out" 2>&1 &
    echo $! >"$run/$name.pid"
}

wait_ready() {
    local pid
    pid=$(cat "$run/$2.pid")
    for _ in $(seq 1 120); do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "node on :$1 stopped while starting; see $run/$2.out" >&2
            return 1
        fi
        if curl -sf "http://localhost:$1/actuator/health/readiness" >/dev/null; then return 0; fi
        sleep 1
    done
    echo "node on :$1 did not become ready; see $run/" >&2
    return 1
}

case "$mode" in
stop)
    stop
    ;;
h2)
    stop
    mkdir -p "$run"
    data=$(cd "$(mktemp -d "$run/h2-XXXX")" && pwd)
    start node-h2 --server.port=8081 --oriole.data-dir="$data"
    wait_ready 8081 node-h2
    echo "one node (H2 in $data): http://localhost:8081"
    ;;
pg-redis)
    stop
    mkdir -p "$run"
    psql -h 127.0.0.1 -U "$db_user" -qc 'DROP DATABASE IF EXISTS oriole_load' postgres
    psql -h 127.0.0.1 -U "$db_user" -qc 'CREATE DATABASE oriole_load' postgres
    if [ -n "${ORIOLE_LOAD_LOG_STATEMENTS:-}" ]; then
        psql -h 127.0.0.1 -U "$db_user" -qc "ALTER DATABASE oriole_load SET log_statement = 'all'" postgres
    fi
    pg=(--spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/oriole_load
        --spring.datasource.username="$db_user" --oriole.redis.url=redis://127.0.0.1:6379
        # Channels of their own, so a test suite sharing the Redis server never hears the benchmark's pushes.
        --oriole.live.redis-channel=oriole:load:live --oriole.cluster.channel=oriole:load:changes)
    start node-a --server.port=8081 "${pg[@]}"
    wait_ready 8081 node-a
    start node-b --server.port=8082 "${pg[@]}"
    wait_ready 8082 node-b
    echo "two nodes (PostgreSQL oriole_load, Redis): http://localhost:8081 http://localhost:8082"
    ;;
*)
    echo "unknown mode $mode: use h2, pg-redis or stop" >&2
    exit 2
    ;;
esac
