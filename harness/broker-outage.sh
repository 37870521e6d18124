#!/usr/bin/env bash
# A broker outage longer than a restart (issue 11, session 18): starts ./run-local.sh with two gateway replicas and
# ITINERA_ON_EXIT=keep, runs the load harness at a fixed rate, and 40 s into it either kills the broker (kill -9) and
# starts it again only after DOWN seconds, or, with --freeze, stops it (SIGSTOP) for DOWN seconds and lets it go on
# (SIGCONT). Then it reports the load step and how often each gateway replica's saga was fenced (each fencing closes the
# replica's tasks dirty and restores their stores). Not part of mvn verify; run it under the lock on a shared machine:
#
#   flock /work/team/run-local.lock harness/broker-outage.sh                 # kill -9, 15 s down, 10 trips/s
#   DOWN=20 RATE=10 flock /work/team/run-local.lock harness/broker-outage.sh --freeze
#   HARNESS_GATEWAY_ARGS="--spring.kafka.streams.properties.producer.transaction.timeout.ms=8000" harness/broker-outage.sh
#
# The broker's data is deleted first (a fresh suite), as for the other harness scripts' runs.
set -euo pipefail
# shellcheck source=harness/suite.sh
source "$(dirname "$0")/suite.sh"
# shellcheck source=embedded-kafka/standalone-broker.sh
source "$HARNESS_ROOT/embedded-kafka/standalone-broker.sh"
cd "$HARNESS_ROOT"
harness_build
FREEZE=false
[[ ${1:-} == --freeze ]] && FREEZE=true
DOWN=${DOWN:-15}
RATE=${RATE:-10}
OUT=target/harness/broker-outage-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
RESTARTED=
trap 'set +e; suite_stop; [[ -n $RESTARTED ]] && kill "$RESTARTED" 2>/dev/null; wait 2>/dev/null' EXIT
suite_running && { harness_say "a suite is already running on :8080; stop it first"; exit 1; }
rm -rf target/local/kafka target/local/state
export ITINERA_GATEWAY_REPLICAS=2 ITINERA_ON_EXIT=keep
suite_start ""
# shellcheck disable=SC2086 # HARNESS_JAVA_OPTS is a list of options
java $HARNESS_JAVA_OPTS -jar "$HARNESS_JAR" load --suite-dir "$HARNESS_ROOT" --rates "$RATE" --warmup 5s \
  --measure 90s --out "$OUT" >"$OUT/load.out" 2>&1 &
load=$!
sleep 40
broker=$(pid_of kafka)
if $FREEZE; then
  harness_say "SIGSTOP kafka (pid $broker) for $DOWN s"
  kill -STOP "$broker"
  sleep "$DOWN"
  kill -CONT "$broker"
else
  harness_say "kill -9 kafka (pid $broker); starting it again in $DOWN s"
  kill -9 "$broker"
  sleep "$DOWN"
  kafka_start target/local/kafka >>target/local/logs/kafka-restarted.log 2>&1 &
  RESTARTED=$!
  until (exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null; do sleep 0.2; done
  harness_say "kafka accepts connections again"
fi
wait "$load" || true
grep -E '^(offered|Whole|Client-side)' "$OUT/load.out" || tail -20 "$OUT/load.out"
for replica in api-gateway api-gateway-2; do
  log=target/local/logs/$replica.log
  harness_say "$replica: saga thread fenced $(grep -c 'Detected that the thread is being fenced' "$log" || true) time(s)" \
    "(transaction aborted under it: $(grep -c 'ProducerFencedException\|InvalidProducerEpochException' "$log" || true);" \
    "session expired: $(grep -c 'not aware of this member' "$log" || true))"
done
cp -r target/local/logs "$OUT/logs"
harness_say "load report and logs in $OUT"
