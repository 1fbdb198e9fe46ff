#!/usr/bin/env bash
# Runs the live benchmark against the real server (embedded durable store) on loopback.
# Usage: loadtest/run.sh [phones=100] [posts-per-second=10] [seconds=20] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests >/dev/null
cp=$(mvn -B -q -pl loadtest dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec java -Xmx1g -cp "loadtest/target/classes:$cp" nl.dialoogtafel.loadtest.LiveBenchmark "$@"
