#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/io/oriole/benchmarks on the test classpath.
#   scripts/bench.sh <BenchmarkRegex> [jmh args]     e.g. scripts/bench.sh RoutingBenchmark -f 1
# Compiles the test classes (JMH's annotation processor generates the harness), asks Maven for the
# test classpath, and starts org.openjdk.jmh.Main. Only Maven may touch the network (to resolve
# dependencies on a fresh machine); the benchmark run itself does not.
set -euo pipefail
if [[ $# -lt 1 ]]; then
  echo "usage: scripts/bench.sh <BenchmarkRegex> [jmh args]  (scripts/bench.sh . -l lists benchmarks)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
regex=$1
shift
./mvnw -q -B test-compile
classpath_file=target/bench-classpath.txt
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat "$classpath_file")" org.openjdk.jmh.Main "$regex" "$@"
