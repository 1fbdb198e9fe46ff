#!/usr/bin/env bash
# A demonstration archive on http://localhost:${PORT:-8080}: one played session, a wethouder's answer.
set -euo pipefail
cd "$(dirname "$0")/.."
# one reactor, compile only: the server comes from server/target/classes, not from mvn install
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" nl.dialoogtafel.loadtest.ArchiveDemo
