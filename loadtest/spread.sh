#!/usr/bin/env bash
# P3: many sessions on one node against one session (ours only), with 1 and N event loops (SpreadBenchmark).
# Usage: loadtest/spread.sh [sessions=20] [phones=50] [runs=3] [--one=200] [--p2-step=4] [--loops=1,N]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx3g -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" \
  nl.dialoogtafel.loadtest.SpreadBenchmark "$@"
