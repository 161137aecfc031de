#!/usr/bin/env bash
# Floods running Oriole nodes with widget visitors and workspace agents (io.oriole.benchmarks.load.WidgetLoad).
#   scripts/load-test.sh --nodes http://localhost:8080 --operator-token SECRET [--visitors 1000 --messages 20
#                        --agents 50 --think-ms 8000 --ramp-ms 30000 --json report.json]
# The nodes must run with oriole.platform.operator-token set to the same secret; the harness provisions its own
# tenant through the platform API. All visitors come from one address, so start the nodes with the widget's per-IP
# and per-tenant limits raised (docs/security.md, "The public widget"), e.g.
#   --oriole.widget.limits.ip.burst=100000 --oriole.widget.limits.ip.per-minute=1000000
#   --oriole.widget.limits.tenant.burst=100000 --oriole.widget.limits.tenant.per-minute=1000000
# See docs/benchmarks.md for the figures and the node set-ups.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
classpath_file=target/bench-classpath.txt
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
    io.oriole.benchmarks.load.WidgetLoad "$@"
