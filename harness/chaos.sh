#!/usr/bin/env bash
# The chaos harness (issue 11): starts ./run-local.sh with two replicas of every service (ITINERA_GATEWAY_REPLICAS=2,
# ITINERA_WORKER_REPLICAS=2; ITINERA_WORKER_REPLICAS=1 runs one of each worker, the layout before session 8) and
# ITINERA_ON_EXIT=restart (a process that dies is started again, like a pod), runs the harness's chaos mode (a steady burst of trips per
# scenario, one fault each: kill -9 a worker or a gateway replica, broker SIGTERM and kill -9, a rolling SIGTERM
# restart, poison records), then stops the suite. The table lands in target/harness/chaos-<time>/chaos.md and on
# stdout; the exit status is 1 when a scenario stranded, lost or duplicated a trip. Not part of mvn verify.
#
#   flock /work/team/run-local.lock harness/chaos.sh                       # every scenario, 1,000 trips each
#   flock /work/team/run-local.lock harness/chaos.sh --trips 300 --scenarios kill-generation,poison
#
# Options go to the chaos mode (docs/reliability.md lists them). A suite that is already running is used as it is:
# it must have been started with ITINERA_GATEWAY_REPLICAS=2 ITINERA_WORKER_REPLICAS=2 (or the value given here)
# ITINERA_ON_EXIT=restart and the rate limit off.
set -euo pipefail
# shellcheck source=harness/suite.sh
source "$(dirname "$0")/suite.sh"
cd "$HARNESS_ROOT"
harness_build
trap 'set +e; suite_stop' EXIT
# A loaded machine starts seven JVMs slowly: give them time rather than fail the run.
# Class-data sharing for quick restarts (run-local.sh's default is off: it costs the accept path throughput).
export ITINERA_GATEWAY_REPLICAS=2 ITINERA_WORKER_REPLICAS=${ITINERA_WORKER_REPLICAS:-2} ITINERA_ON_EXIT=restart
export ITINERA_START_TIMEOUT=${ITINERA_START_TIMEOUT:-600}
export ITINERA_CDS=${ITINERA_CDS:-1}
suite_running || suite_start ""
harness_say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # HARNESS_JAVA_OPTS is a list of options
java $HARNESS_JAVA_OPTS -jar "$HARNESS_JAR" chaos --suite-dir "$HARNESS_ROOT" \
  --worker-replicas "$ITINERA_WORKER_REPLICAS" "$@"
