#!/usr/bin/env bash
# P4: heap, file descriptors and threads of a server (in a child JVM) holding many idle phones.
# Usage: loadtest/idle.sh [phones=10000] [sessions=100] [--targets=ours,floor]
set -euo pipefail
cd "$(dirname "$0")/.."
phones=10000
[[ $# -gt 0 && "$1" != --* ]] && phones=$1
# Every phone is a socket in this JVM and one in the server's: both need a descriptor each.
need=$((phones + 2000))
if (( $(ulimit -n) < need )); then
  ulimit -n "$need" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  if (( $(ulimit -n) < need )); then
    echo "ulimit -n is $(ulimit -n) (hard limit $(ulimit -Hn)); $need open files are needed for $phones phones" >&2
    exit 2
  fi
fi
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx2g -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" \
  nl.dialoogtafel.loadtest.IdleHeap "$@"
