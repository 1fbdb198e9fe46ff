#!/usr/bin/env bash
# Scenario P8: record page of a 5,000-event session and search over 2,000 closed sessions.
# Usage: loadtest/archive.sh [sessions=2000] [events=5000] [repeats=15] [search]
# ("search": only search and start-up, no record pages or PDFs, no waiting for the preparer)
# No `mvn install`: it would overwrite the snapshot in ~/.m2. One reactor, compile only: the
# reactor resolves the server to server/target/classes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
cp=$(cat loadtest/target/classpath.txt)
exec java -Xmx1g -cp "loadtest/target/classes:$cp" nl.dialoogtafel.loadtest.ArchiveBenchmark "$@"
