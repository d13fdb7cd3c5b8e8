#!/bin/sh
# Runs the benchmarks of docs/performance.md on this machine's loopback, each against a bare
# OkHttp + Jackson client in the same run: builds the test classes, then runs
#   scan    dev.apiquery.bench.ScanBenchmark [rounds]    full scan and latency hiding
#   scan-forked  the same, each full-scan client in a JVM of its own (ForkedScan; minutes a round)
#   export  dev.apiquery.bench.ExportBenchmark [rounds]  export into DuckDB
#   limit   dev.apiquery.bench.LimitBenchmark [rounds]   LIMIT 10 on a warm connection
#   cold    dev.apiquery.bench.ColdStartBenchmark        fresh JVMs under /usr/bin/time (builds the -all jar)
# `bench/run.sh 5 scan` runs one of them; `bench/run.sh 5` (or `5 all`) runs every one.
# BENCH_WARMUP=8 bench/run.sh 5 scan: the scan benchmark with 8 warm-up rounds instead of 2
# (scan-forked: the most warm-up scans per JVM, 200 by default; each JVM stops when its JIT is quiet).
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$repo"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=test >/dev/null
rounds=${1:-5}
which=${2:-all}
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
if [ "$which" = all ] || [ "$which" = scan ]; then
  java -Xmx1g -Dbench.warmup="${BENCH_WARMUP:-2}" -cp "$cp" dev.apiquery.bench.ScanBenchmark "$rounds"
fi
if [ "$which" = scan-forked ]; then
  java -Xmx1g -Dbench.fork=true -Dbench.warmup="${BENCH_WARMUP:-200}" -cp "$cp" dev.apiquery.bench.ScanBenchmark "$rounds"
fi
if [ "$which" = all ] || [ "$which" = export ]; then
  java -Xmx1g -cp "$cp" dev.apiquery.bench.ExportBenchmark "$rounds"
fi
if [ "$which" = all ] || [ "$which" = limit ]; then
  java -Xmx1g -cp "$cp" dev.apiquery.bench.LimitBenchmark "$rounds"
fi
if [ "$which" = all ] || [ "$which" = cold ]; then
  # The driver's cold run loads the -all jar as users do, and bin/apiquery runs from it too.
  ./mvnw -q -B -DskipTests package
  jar=$(ls -t target/apiquery-jdbc-*-all.jar | head -n 1)
  java -cp "$cp" dev.apiquery.bench.ColdStartBenchmark "$rounds" "$cp" "$jar" "$repo"
fi
