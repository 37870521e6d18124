#!/usr/bin/env bash
# Open-model load on the suite: starts ./run-local.sh (unless one is already running on port 8080), runs the
# harness's load mode with the given options, stops what it started. Figures land in target/harness/load-<time>/.
#
#   flock /work/team/run-local.lock harness/load.sh --rates 2,4,6,8,10,12 --warmup 10s --measure 30s
#
# A suite you started yourself must run with ITINERA_GATEWAY_ARGS="--gateway.rate-limit.enabled=false
# --gateway.limits.enabled=false", or the gateway answers 429 beyond 10 requests per second or 50 open trips.
set -euo pipefail
# shellcheck source=harness/suite.sh
source "$(dirname "$0")/suite.sh"
cd "$HARNESS_ROOT"
harness_build
trap 'set +e; suite_stop' EXIT
suite_running || suite_start ""
# shellcheck disable=SC2086 # HARNESS_JAVA_OPTS is a list of options
java $HARNESS_JAVA_OPTS -jar "$HARNESS_JAR" load --suite-dir "$HARNESS_ROOT" "$@"
