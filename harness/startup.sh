#!/usr/bin/env bash
# How long a restarted service takes to be ready (issue 11, item 5: a replaced consumer resumes within 10 s of being
# started). Starts ./run-local.sh with ITINERA_ON_EXIT=restart, then per service and round kills the service
# (kill -9) and times its replacement from the process's start to readiness UP (for the workers: every listener has
# its partitions; for the gateway: Kafka Streams RUNNING), next to Spring's own "Started ... in" figure and the load
# average. Not part of mvn verify.
#
#   flock /work/team/run-local.lock harness/startup.sh                  # 3 rounds per service, class-data sharing on
#   ITINERA_CDS=0 flock /work/team/run-local.lock harness/startup.sh 3  # the plain jars, for comparison
set -euo pipefail
# shellcheck source=harness/suite.sh
source "$(dirname "$0")/suite.sh"
cd "$HARNESS_ROOT"
ROUNDS=${1:-3}
declare -A MANAGEMENT_PORT=([api-enrichment]=9081 [api-generation]=9082 [api-gateway]=9080)
LOGS=$HARNESS_ROOT/target/local/logs

suite_running && { harness_say "a suite is already running on 8080: stop it first"; exit 1; }
trap 'set +e; suite_stop' EXIT
export ITINERA_ON_EXIT=restart ITINERA_START_TIMEOUT=${ITINERA_START_TIMEOUT:-600}
export ITINERA_CDS=${ITINERA_CDS:-1}
suite_start ""

ready() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/actuator/health/readiness") == 200 ]]; }
now_ms() { date +%s%3N; }
# A process's start, in epoch milliseconds, from /proc (boot time + start ticks).
started_ms() {
  local ticks boot
  ticks=$(awk '{print $22}' "/proc/$1/stat")
  boot=$(awk '/^btime/ {print $2}' /proc/stat)
  echo $((boot * 1000 + ticks * 1000 / $(getconf CLK_TCK)))
}

printf '| service | round | start to ready (s) | Spring "Started in" (s) | load |\n|---|---:|---:|---:|---:|\n'
for service in api-enrichment api-generation api-gateway; do
  port=${MANAGEMENT_PORT[$service]}
  for round in $(seq 1 "$ROUNDS"); do
    until ready "$port"; do sleep 0.2; done
    sleep 5 # let the group settle after the previous round
    old=$(pid_of "$service")
    kill -KILL "$old"
    new=
    until [[ -n $new && $new != "$old" ]] && kill -0 "$new" 2>/dev/null; do sleep 0.05; new=$(pid_of "$service"); done
    begin=$(started_ms "$new")
    until ready "$port"; do sleep 0.1; done
    end=$(now_ms)
    spring=$(grep -o 'Started [A-Za-z]*Application in [0-9.]* seconds' "$LOGS/$service.log" | tail -1 | awk '{print $4}')
    printf '| %s | %d | %.1f | %s | %s |\n' "$service" "$round" "$(((end - begin) / 100))e-1" "${spring:-?}" \
      "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
