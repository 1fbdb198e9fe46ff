#!/usr/bin/env bash
# The live benchmark on loopback: floor (bare Vert.x broadcast), ours (the real server, embedded
# durable store) and peer (socket.io 4 on Node), interleaved. Works from a clean clone: builds the
# server and the load generator in one reactor (no mvn install, nothing from ~/.m2's snapshots)
# and installs the peer with npm ci when its node_modules is missing.
# Usage: loadtest/run.sh [phones=200] [posts-per-second=10] [seconds=20] [runs=3]
#                        [--targets=floor,ours,peer] [--p2-step=5] [--no-p2]
set -euo pipefail
cd "$(dirname "$0")/.."
# compile, not package: the reactor then resolves the server to server/target/classes
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
if [[ " $* " != *"--targets="* || " $* " == *"--targets="*peer* ]]; then
  command -v node >/dev/null || { echo "node (v18 or later) is needed for the peer; or pass --targets=floor,ours" >&2; exit 2; }
  if [[ ! -d loadtest/peer/node_modules ]]; then
    (cd loadtest/peer && npm ci --no-audit --no-fund --silent)
  fi
fi
exec java -Xmx2g -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" \
  nl.dialoogtafel.loadtest.LiveBenchmark "$@"
