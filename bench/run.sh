#!/bin/sh
# Runs the benchmarks of docs/performance.md: builds the test classes, then runs
# dev.apiquery.bench.ScanBenchmark [rounds] and dev.apiquery.bench.ExportBenchmark [rounds] on this
# machine's loopback. `bench/run.sh 5 scan` or `bench/run.sh 5 export` runs one of them.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$repo"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=test >/dev/null
rounds=${1:-5}
which=${2:-all}
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
if [ "$which" = all ] || [ "$which" = scan ]; then
  java -Xmx1g -cp "$cp" dev.apiquery.bench.ScanBenchmark "$rounds"
fi
if [ "$which" = all ] || [ "$which" = export ]; then
  java -Xmx1g -cp "$cp" dev.apiquery.bench.ExportBenchmark "$rounds"
fi
