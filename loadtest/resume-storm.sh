#!/usr/bin/env bash
# The resume storm: every phone of a session resumes at once after a venue's Wi-Fi drop (ours only).
# Usage: loadtest/resume-storm.sh [phones=1000] [events=2000] [archive-sessions=300]
#                                 [archive-events-each=400] [posts-while-away=100] [--v1]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never -pl loadtest -am compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >/dev/null
exec java -Xmx2g -cp "loadtest/target/classes:$(cat loadtest/target/classpath.txt)" \
  nl.dialoogtafel.loadtest.ResumeStorm "$@"
