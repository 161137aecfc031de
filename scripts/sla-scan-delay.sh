#!/usr/bin/env bash
# Measures the SLA scanner's delay from the moment an action falls due (a warning, reminder, breach or
# escalation clock) to the scanner acting on it, on the packaged jar with the real system clock.
# Usage: ./mvnw -B -q package -DskipTests && scripts/sla-scan-delay.sh [conversations] [seconds]
# Starts on an empty data folder with the 2-minute demo policy (every conversation: warning after 1 min,
# reminders every minute, breach after 2 min, L2 must join 2 min later), opens N conversations through the
# public widget API spread over ~20 s, waits, then reads the oriole_sla_scan_delay_seconds timer from
# /actuator/prometheus: count, mean, and p50/p95/p99 as the upper bound of the histogram bucket they fall in.
set -euo pipefail
n=${1:-100}
wait_s=${2:-200}
port=${PORT:-8096}
jar=target/oriole.jar
[ -f "$jar" ] || { echo "error: $jar missing; run ./mvnw -B -q package -DskipTests first" >&2; exit 2; }
data=$(mktemp -d)
log="$data/run.log"
# Metrics need a bearer token (docs/security.md); one for this run only.
scrape_token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
java -jar "$jar" --oriole.data-dir="$data" --server.port="$port" --oriole.sla.demo-short-policy=true \
    --oriole.management.scrape-token="$scrape_token" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
    curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break
    sleep 0.5
done
curl -sf "localhost:$port/actuator/health/readiness" >/dev/null || { echo "error: app did not start" >&2; exit 1; }
pause=$(awk -v n="$n" 'BEGIN { printf "%.3f", 20 / n }')
for i in $(seq 1 "$n"); do
    token=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"name": "Visitor '"$i"'"}' \
        "localhost:$port/widget/api/demo/session" | sed -E 's/.*"token":"([^"]+)".*/\1/')
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -H "X-Visitor-Token: $token" \
        -d '{"clientMessageId": "scan-delay-'"$i"'", "text": "Where is my order '"$i"'?"}' \
        "localhost:$port/widget/api/demo/messages"
    sleep "$pause"
done
echo "opened $n conversations; waiting ${wait_s}s for warnings, reminders, breaches and escalations" >&2
sleep "$wait_s"
# Percentiles from the cumulative histogram buckets (they do not decay, unlike the client-side quantiles).
curl -s -H "Authorization: Bearer $scrape_token" "localhost:$port/actuator/prometheus" | awk '
    /^oriole_sla_scan_delay_seconds_count/ { count = $NF }
    /^oriole_sla_scan_delay_seconds_sum/ { sum = $NF }
    /^oriole_sla_scan_delay_seconds_max/ { max = $NF }
    /^oriole_sla_scan_delay_seconds_bucket/ {
        match($0, /le="[^"]+"/); le = substr($0, RSTART + 4, RLENGTH - 5)
        if (le != "+Inf") { n++; les[n] = le + 0; cum[n] = $NF + 0 }
    }
    function pct(q,   i) { for (i = 1; i <= n; i++) if (cum[i] >= q * count) return les[i]; return "inf" }
    END { printf "actions=%d mean_s=%.3f p50_le_s=%s p95_le_s=%s p99_le_s=%s max_recent_s=%.3f\n",
          count, (count ? sum / count : 0), pct(0.5), pct(0.95), pct(0.99), max }'
