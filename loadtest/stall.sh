#!/usr/bin/env bash
# P6: 5 % of the phones stop reading while the rest go on at P1's rate (ours and the floor).
# Usage: loadtest/stall.sh [phones=1000] [posts/s=10] [seconds=40] [stalled-percent=5] [--text=chars] [--stall-seconds=N]
#                          [--targets=ours,floor]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx2g -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" \
  nl.dialoogtafel.loadtest.StallProbe "$@"
