#!/bin/sh
# Runs the scan benchmark of docs/performance.md: builds the test classes, then runs
# dev.apiquery.bench.ScanBenchmark [rounds] on this machine's loopback.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$repo"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=test >/dev/null
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  dev.apiquery.bench.ScanBenchmark "$@"
