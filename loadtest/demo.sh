#!/usr/bin/env bash
# A demonstration archive on http://localhost:${PORT:-8080}: one played session, a wethouder's answer.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests >/dev/null
mvn -B -q -pl loadtest dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" nl.dialoogtafel.loadtest.ArchiveDemo
