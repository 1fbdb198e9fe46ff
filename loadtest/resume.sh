#!/usr/bin/env bash
# One session's read against the size of the archive, on the durable embedded store (ResumeProbe).
# Usage: loadtest/resume.sh [sessions=300] [events=400] [repeats=9]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx2g -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" \
  nl.dialoogtafel.loadtest.ResumeProbe "$@"
