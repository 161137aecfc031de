/**
 * JMH benchmarks, run with {@code scripts/bench.sh <BenchmarkRegex> [jmh args]}; figures and the
 * commands that produced them go into {@code docs/benchmarks.md}. Each benchmark builds its data
 * from a fixed seed so runs compare.
 */
package io.oriole.benchmarks;
