#!/usr/bin/env bash
# Runs the live benchmark against the real server (embedded durable store) on loopback.
# Usage: loadtest/run.sh [phones=100] [posts-per-second=10] [seconds=20] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Dstyle.color=never install -DskipTests
cpfile=$(mktemp)
mvn -B -q -Dstyle.color=never -pl loadtest dependency:build-classpath -Dmdep.outputFile="$cpfile"
exec java -Xmx1g -cp "loadtest/target/classes:$(cat "$cpfile")" nl.dialoogtafel.loadtest.LiveBenchmark "$@"
