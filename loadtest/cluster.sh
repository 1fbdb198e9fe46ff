#!/usr/bin/env bash
# P7 and P9 (issue 10): a store process, cluster members and HAProxy (deploy/haproxy.cfg with the
# run's ports) on loopback, each child under `timeout -s KILL` so it stops by itself.
# Usage: loadtest/cluster.sh p7 [phones=200] [posts-per-second=10] [seconds=20] [runs=3] [--loops=1]
#        loadtest/cluster.sh p9 [--sizes=3000,6000,12000,18000,24000,30000] [--seconds=30] [--nodes=3]
#                               [--per-session=100] [--proxies=N] [--generators=N] [--loops=1] [--heap=1g] [--parallel=4] [--keep-going]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v haproxy >/dev/null || [[ "${1:-p7}" == p7 ]] || { echo "P9 needs HAProxy: apt-get install haproxy" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx512m ${CLUSTER_JAVA_OPTS:-} -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" \
  nl.dialoogtafel.loadtest.ClusterBenchmark "$@"
