#!/usr/bin/env bash
# What a backup of the embedded store costs the appends of a live session (BackupProbe).
# Usage: loadtest/backup.sh [sessions=300] [events=400]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx2g -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" \
  nl.dialoogtafel.loadtest.BackupProbe "$@"
