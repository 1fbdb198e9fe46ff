#!/usr/bin/env bash
# Scenario P8: record page of a 5,000-event session and search over 2,000 closed sessions.
# Usage: loadtest/archive.sh [sessions=2000] [events=5000] [repeats=15]
# Builds with `package` only: `install` would overwrite the snapshot in ~/.m2 that other
# worktrees share. The server comes from this worktree's server/target/classes; the dependency
# classpath leaves out our own modules (excludeGroupIds) so no stale snapshot sneaks in.
set -euo pipefail
cd "$(dirname "$0")/.."
# to a file: on a terminal Maven prefixes its standard output with a colour code
mvn -B -o -q -Dstyle.color=never package -DskipTests dependency:build-classpath \
  -DexcludeGroupIds=nl.dialoogtafel -Dmdep.outputFile=target/classpath.txt >/dev/null
cp=$(cat loadtest/target/classpath.txt)
exec java -Xmx1g -cp "server/target/classes:loadtest/target/classes:$cp" nl.dialoogtafel.loadtest.ArchiveBenchmark "$@"
