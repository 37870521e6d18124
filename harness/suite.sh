# shellcheck shell=bash
# Starts and stops ./run-local.sh for the harness scripts (sourced by load.sh and accept.sh). The suite runs with the
# gateway's per-client rate limit off (a load test measures the suite, not the limiter) plus HARNESS_GATEWAY_ARGS.
# Run the scripts under `flock /work/team/run-local.lock` on a shared machine: run-local.sh uses fixed ports.

HARNESS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HARNESS_JAR=$HARNESS_ROOT/harness/target/harness-0.1.0-SNAPSHOT-exec.jar
# The harness shares the cores with the suite: one GC thread, C1 only, a small heap.
HARNESS_JAVA_OPTS=${HARNESS_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms64m -Xmx384m}
SUITE_PID=

harness_say() { printf '[harness] %s\n' "$*"; }

# Builds the harness jar (and the services' jars it depends on) when it is missing.
harness_build() {
  [[ -f $HARNESS_JAR ]] && return
  harness_say "building the harness (mvn -pl harness -am package)..."
  (cd "$HARNESS_ROOT" && mvn -B -q -pl harness -am package -DskipTests) || return 1
}

suite_running() { (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; }

# suite_start [extra gateway args...]: starts run-local.sh in the background and waits until it is ready.
suite_start() {
  local log=$HARNESS_ROOT/target/local/logs/run-local.out
  mkdir -p "$(dirname "$log")"
  # Emptied here, not only by the redirection below: that happens in the child, and the wait could read the previous
  # run's "Itinera is running" first.
  : >"$log"
  harness_say "starting ./run-local.sh (output in $log)"
  ITINERA_GATEWAY_ARGS="--gateway.rate-limit.enabled=false --gateway.limits.enabled=false ${HARNESS_GATEWAY_ARGS:-} $*" \
    "$HARNESS_ROOT/run-local.sh" >"$log" 2>&1 &
  SUITE_PID=$!
  until grep -q 'Itinera is running' "$log" 2>/dev/null; do
    kill -0 "$SUITE_PID" 2>/dev/null || { tail -20 "$log"; harness_say "run-local.sh failed"; return 1; }
    sleep 1
  done
  harness_say "suite ready"
}

suite_stop() {
  [[ -n $SUITE_PID ]] || return 0
  harness_say "stopping the suite"
  kill -TERM "$SUITE_PID" 2>/dev/null || true
  wait "$SUITE_PID" 2>/dev/null || true
  SUITE_PID=
}

# pid_of NAME: a suite process's pid from run-local.sh's pid files.
pid_of() { cat "$HARNESS_ROOT/target/local/pids/$1.pid" 2>/dev/null; }
