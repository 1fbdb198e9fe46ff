#!/usr/bin/env bash
# Scenario P8: record page of a 5,000-event session and search over 2,000 closed sessions.
# Usage: [ARCHIVE_BENCH_SEED=/dir] [ARCHIVE_JAVA_OPTS=...] loadtest/archive.sh [sessions=2000] [events=5000] [repeats=15] [search|seed]
# ("search": only search and start-up, no record pages or PDFs, no waiting for the preparer;
#  "seed": only seed into ARCHIVE_BENCH_SEED and stop)
# ARCHIVE_BENCH_SEED: keep the seeded store in that folder and reuse it when it holds a completed seed
# of the same sessions and events (copied into each run's fresh data folder; seeded there otherwise).
# ARCHIVE_JAVA_OPTS: extra JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/a.jfr,settings=profile
# No `mvn install`: it would overwrite the snapshot in ~/.m2. One reactor, compile only: the
# reactor resolves the server to server/target/classes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
cp=$(cat loadtest/target/classpath.txt)
exec java -Xmx1g ${ARCHIVE_JAVA_OPTS:-} -cp "loadtest/target/classes:$cp" nl.dialoogtafel.loadtest.ArchiveBenchmark "$@"
