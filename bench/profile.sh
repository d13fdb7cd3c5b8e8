#!/bin/sh
# Profiles the scan benchmark with JDK Flight Recorder (execution samples every 2 ms, allocation
# samples, deep stacks) and prints where the driver's time and allocation go, grouped as in
# docs/performance.md ("Where the time goes"). `bench/profile.sh 3` runs 3 measured rounds.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$repo"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -DincludeScope=test >/dev/null
out=target/profile
mkdir -p "$out"
jfc="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc"
sed 's|<setting name="period" control="method-sampling-java-interval">[^<]*</setting>|<setting name="period" control="method-sampling-java-interval">2 ms</setting>|' \
  "$jfc" > "$out/scan.jfc"
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -Xmx1g -XX:FlightRecorderOptions:stackdepth=512 -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  -XX:StartFlightRecording=filename="$out/scan.jfr",settings="$out/scan.jfc",dumponexit=true \
  -cp "$cp" dev.apiquery.bench.ScanBenchmark "${1:-3}"
jfr print --json --stack-depth 64 --events jdk.ExecutionSample "$out/scan.jfr" > "$out/samples.json"
jfr print --json --stack-depth 64 --events jdk.ObjectAllocationSample "$out/scan.jfr" > "$out/allocations.json"
python3 bench/jfr_groups.py "$out/samples.json" "$out/allocations.json"
