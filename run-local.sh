#!/usr/bin/env bash
# Starts the whole Itinera suite on this machine: a real Kafka broker (KRaft, standalone process) and the three
# services, with no Docker and no network. Prints the URLs and the local API key; Ctrl-C or SIGTERM stops everything.
#
# Usable from scripts:  ./run-local.sh & pid=$!; (poll http://localhost:9080/actuator/health/readiness); ...; kill $pid
#
# Environment:
#   ITINERA_API_KEY     the local API key (default: itinera-local-dev-key)
#   ITINERA_SKIP_BUILD  set to 1 to never run Maven (fails if a jar is missing)
#   ITINERA_JAVA_OPTS   extra JVM options for the three services (default: -Xmx512m)
#   ITINERA_JIT         tiered (default): every service with the JVM's default JIT (C1, then C2 for hot code); split:
#                       api-gateway and api-enrichment with C1 only (-XX:TieredStopAtLevel=1), an A/B that lost under
#                       load (docs/adr/0012-jit-per-service.md)
#   ITINERA_GATEWAY_ARGS  extra Spring arguments for the gateway, e.g. --gateway.rate-limit.enabled=false (load tests)
#   ITINERA_GATEWAY_REPLICAS  1 (default) or 2: a second gateway replica, api-gateway-2, on http 8180, management 9180
#   ITINERA_WORKER_REPLICAS   1 (default) or 2: a second replica of each worker, api-enrichment-2 (http 8181,
#                       management 9181) and api-generation-2 (8182, 9182), in the same consumer groups, so that a
#                       dead worker's partitions move to the survivor after its session (6 s) instead of waiting for
#                       the replacement JVM
#   ITINERA_START_TIMEOUT  seconds the broker and the services may take to become ready (default: 180)
#   ITINERA_ON_EXIT     what to do when a process dies after start-up: stop (default: stop everything), keep (leave
#                       the others running, for fault injection), restart (start it again, like a pod's restart)
#   ITINERA_CDS         0 (default): plain java -jar; 1: run each service from its extracted jar with a class-data-sharing
#                       archive, made by a training run on the first start after a build (target/local/app/): restarts
#                       in about half the time, but the accept path measured about 25 % slower (docs/performance.md,
#                       "Issue 10's goals, session 5"), so it is for fault-injection runs (harness/chaos.sh sets it)
#
# Each service runs as a static Kafka group member named local-<service> (itinera.kafka.instance-id), so a restarted
# process takes its partitions and transactions back at once, as a restarted container in the same pod does.
#
# Every process's pid is written to target/local/pids/<name>.pid (kafka, api-enrichment, api-generation, api-gateway,
# the second replicas api-gateway-2, api-enrichment-2, api-generation-2, and run-local) while it runs, so that load and fault tools find them; a restart rewrites the file.
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$PWD
LOCAL=$ROOT/target/local
LOGS=$LOCAL/logs
VERSION=0.1.0-SNAPSHOT
API_KEY=${ITINERA_API_KEY:-itinera-local-dev-key}
JAVA_OPTS=${ITINERA_JAVA_OPTS:--Xmx512m}
GATEWAY_ARGS=${ITINERA_GATEWAY_ARGS:-}
GATEWAY_REPLICAS=${ITINERA_GATEWAY_REPLICAS:-1}
WORKER_REPLICAS=${ITINERA_WORKER_REPLICAS:-1}
ON_EXIT=${ITINERA_ON_EXIT:-stop}
START_TIMEOUT=${ITINERA_START_TIMEOUT:-180}
CDS=${ITINERA_CDS:-0}
JIT=${ITINERA_JIT:-tiered}
APP_DIR=$LOCAL/app
PID_DIR=$LOCAL/pids
KAFKA_PORT=9092
CONTROLLER_PORT=9093
SERVICES=(api-enrichment api-generation api-gateway)
declare -A HTTP_PORT=([api-gateway]=8080 [api-enrichment]=8081 [api-generation]=8082
  [api-gateway-2]=8180 [api-enrichment-2]=8181 [api-generation-2]=8182)
declare -A MANAGEMENT_PORT=([api-gateway]=9080 [api-enrichment]=9081 [api-generation]=9082
  [api-gateway-2]=9180 [api-enrichment-2]=9181 [api-generation-2]=9182)
PIDS=()  # in start order
NAMES=() # the process name of each pid

say() { printf '[run-local] %s\n' "$*"; }
die() { printf '[run-local] ERROR: %s\n' "$*" >&2; exit 1; }

[[ $ON_EXIT =~ ^(stop|keep|restart)$ ]] || die "ITINERA_ON_EXIT must be stop, keep or restart (got '$ON_EXIT')"
[[ $CDS =~ ^[01]$ ]] || die "ITINERA_CDS must be 0 or 1 (got '$CDS')"
[[ $JIT =~ ^(split|tiered)$ ]] || die "ITINERA_JIT must be split or tiered (got '$JIT')"
[[ $GATEWAY_REPLICAS =~ ^[12]$ ]] || die "ITINERA_GATEWAY_REPLICAS must be 1 or 2 (got '$GATEWAY_REPLICAS')"
[[ $WORKER_REPLICAS =~ ^[12]$ ]] || die "ITINERA_WORKER_REPLICAS must be 1 or 2 (got '$WORKER_REPLICAS')"
# Second replicas start after the first ones: each service's first replica is the one the printed URLs name.
((WORKER_REPLICAS == 2)) && SERVICES+=(api-enrichment-2 api-generation-2)
((GATEWAY_REPLICAS == 2)) && SERVICES+=(api-gateway-2)

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# HTTP status of a GET on localhost, with nothing but bash (curl may not be installed).
http_status() {
  local port=$1 path=$2 line
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
  read -r -t 5 line <&3 || line=""
  exec 3>&- 3<&-
  printf '%s' "$line" | awk '{print $2}'
}

stop_all() {
  # A second signal must not cut the stop short and orphan the processes (each gets at most 30 s).
  trap '' INT TERM
  trap - EXIT
  if ((${#PIDS[@]})); then
    say "stopping..."
    # Services first (reverse start order), then the broker they need to shut down cleanly.
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
      kill -TERM "${PIDS[i]}" 2>/dev/null || true
      for _ in $(seq 1 150); do kill -0 "${PIDS[i]}" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "${PIDS[i]}" 2>/dev/null || true
      rm -f "$PID_DIR/${NAMES[i]}.pid"
    done
    say "stopped"
  fi
  rm -f "$PID_DIR/run-local.pid"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# --- prerequisites ---------------------------------------------------------------------------------------------------
command -v java >/dev/null || die "java not found: install a JDK 17 or newer"
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
((${java_major%%.*} >= 17)) || die "Java 17 or newer is required (found $java_major)"

for port in $KAFKA_PORT $CONTROLLER_PORT $(for s in "${SERVICES[@]}"; do echo "${HTTP_PORT[$s]} ${MANAGEMENT_PORT[$s]}"; done); do
  port_in_use "$port" && die "port $port is already in use (is another run-local.sh running?); free it and retry"
done

# --- build what is missing or stale ----------------------------------------------------------------------------------
module_of() { echo "${1%-2}"; } # api-gateway-2 is a second api-gateway, api-enrichment-2 a second api-enrichment
jar_of() { local module; module=$(module_of "$1"); echo "$ROOT/$module/target/$module-$VERSION-exec.jar"; }
needs_build=0
[[ -d $ROOT/local-broker/target/broker-lib ]] || needs_build=1
for service in "${SERVICES[@]}"; do
  jar=$(jar_of "$service")
  if [[ ! -f $jar ]] || [[ -n $(find "$ROOT/pom.xml" "$ROOT/common-events" "$ROOT/$(module_of "$service")" \
      -path '*/target' -prune -o -name '.*' -prune -o -newer "$jar" -type f -print -quit) ]]; then
    needs_build=1
  fi
done
if ((needs_build)); then
  [[ ${ITINERA_SKIP_BUILD:-0} == 1 ]] && die "jars are missing or stale and ITINERA_SKIP_BUILD=1"
  command -v mvn >/dev/null || die "mvn not found: install Maven 3.8 or newer"
  say "building (mvn package without running tests; full log in $LOGS/build.log)..."
  mkdir -p "$LOGS"
  # -DskipTests, not -Dmaven.test.skip: the services' test scope needs common-events' test-jar, which that would skip.
  mvn -B -q -DskipTests -pl local-broker,api-enrichment,api-generation,api-gateway -am package >"$LOGS/build.log" 2>&1 \
    || { tail -40 "$LOGS/build.log"; die "build failed"; }
fi

mkdir -p "$LOGS" "$LOCAL/kafka" "$PID_DIR"
echo $$ >"$PID_DIR/run-local.pid"

# started NAME PID: remembers a started process and writes its pid file.
started() {
  NAMES+=("$1")
  PIDS+=("$2")
  echo "$2" >"$PID_DIR/$1.pid"
}

start_kafka() {
  (kafka_start "$LOCAL/kafka") >>"$LOGS/kafka.log" 2>&1 &
}

# The jar a service runs from, and the JVM options that go with it: with CDS, the extracted jar (its libraries beside
# it, the layout class-data sharing needs) and its archive.
run_jar_of() {
  if ((CDS)); then local module; module=$(module_of "$1"); echo "$APP_DIR/$module/$(basename "$(jar_of "$1")")"
  else jar_of "$1"; fi
}
cds_opts_of() { ((CDS)) && echo "-XX:SharedArchiveFile=$APP_DIR/$(module_of "$1")/app.jsa"; true; }

# The JIT of a service under ITINERA_JIT=split: C1 only but for the planner.
jit_opts_of() {
  [[ $JIT == split && $(module_of "$1") != api-generation ]] && echo "-XX:TieredStopAtLevel=1"; true
}

# prepare_cds MODULE: extracts the module's jar and records its class-data-sharing archive in a training run (Spring
# starts the context and exits before anything runs: -Dspring.context.exit=onRefresh), unless the archive is newer
# than the jar. The run needs the broker: the services declare their topics while the context starts.
prepare_cds() {
  local module=$1 jar dir
  jar=$(jar_of "$module")
  dir=$APP_DIR/$module
  [[ -f $dir/app.jsa && $dir/app.jsa -nt $jar ]] && return 0
  rm -rf "$dir"
  java -Djarmode=tools -jar "$jar" extract --destination "$dir" >>"$LOGS/cds.log" 2>&1 || return 1
  # shellcheck disable=SC2086,SC2046 # JAVA_OPTS and the JIT options are lists of options
  ITINERA_API_KEY_SHA256=$key_sha256 java $JAVA_OPTS $(jit_opts_of "$module") -XX:ArchiveClassesAtExit="$dir/app.jsa" \
    -Dspring.context.exit=onRefresh -jar "$dir/$(basename "$jar")" --spring.profiles.active=local \
    --itinera.kafka.instance-id="cds-training-$module" >>"$LOGS/cds.log" 2>&1
  [[ -f $dir/app.jsa ]]
}

# start_service NAME: starts a service in the background (its pid in $!), logging to $LOGS/NAME.log.
start_service() {
  local service=$1
  # its own name as a static group member, whatever restarted it (so not on the line that sets $service)
  # the local broker has no ACLs, so a service may abort a transaction left open on its inputs, and ask the
  # coordinators whether they still know it: one they lost is aborted within seconds, not after a minute (ADR 0011)
  local args=(--itinera.kafka.instance-id="local-$service" --itinera.kafka.hanging-transactions.abort=true
    --itinera.kafka.hanging-transactions.ask-coordinator=true --itinera.kafka.hanging-transactions.interval=5s)
  if [[ $(module_of "$service") == api-gateway ]]; then
    # shellcheck disable=SC2206 # GATEWAY_ARGS is a list of arguments
    args+=($GATEWAY_ARGS)
    [[ $service == api-gateway-2 ]] && args+=(--spring.kafka.streams.state-dir=target/local/state/api-gateway-2)
  fi
  [[ $service == *-2 ]] && args+=(--server.port="${HTTP_PORT[$service]}"
    --management.server.port="${MANAGEMENT_PORT[$service]}")
  # shellcheck disable=SC2086,SC2046 # JAVA_OPTS, the JIT and the CDS options are lists of options
  ITINERA_API_KEY_SHA256=$key_sha256 java $JAVA_OPTS $(jit_opts_of "$service") $(cds_opts_of "$service") -jar "$(run_jar_of "$service")" \
    --spring.profiles.active=local "${args[@]}" >>"$LOGS/$service.log" 2>&1 &
}

# --- Kafka: one KRaft node, data kept under target/local/kafka across runs --------------------------------------------
# shellcheck source=embedded-kafka/standalone-broker.sh
source "$ROOT/embedded-kafka/standalone-broker.sh"
kafka_configure "$LOCAL/kafka" "$KAFKA_PORT" "$CONTROLLER_PORT" >>"$LOGS/kafka.log" 2>&1 \
  || die "could not format Kafka storage; see $LOGS/kafka.log"
if ! kafka_archive_fresh "$LOCAL/kafka"; then
  say "recording the broker's class-data-sharing archive (once per build; log in $LOGS/kafka.log)"
  kafka_record_archive "$LOCAL/kafka" "$KAFKA_PORT" >>"$LOGS/kafka.log" 2>&1 \
    || say "no class-data-sharing archive for the broker (see $LOGS/kafka.log): it starts without one"
fi
say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
start_kafka
started kafka $!
# As patient as the services' start (a loaded machine may take more than the usual 3-4 s).
for _ in $(seq 1 $((START_TIMEOUT * 4))); do port_in_use $KAFKA_PORT && break; kill -0 "${PIDS[0]}" 2>/dev/null || die "Kafka exited; see $LOGS/kafka.log"; sleep 0.25; done
port_in_use $KAFKA_PORT || die "Kafka did not open port $KAFKA_PORT; see $LOGS/kafka.log"

# --- the three services ----------------------------------------------------------------------------------------------
key_sha256=$(printf '%s' "$API_KEY" | sha256sum | awk '{print $1}')
if ((CDS)); then
  training=()
  for module in api-enrichment api-generation api-gateway; do
    [[ -f $APP_DIR/$module/app.jsa && $APP_DIR/$module/app.jsa -nt $(jar_of "$module") ]] && continue
    say "recording the class-data-sharing archive of $module (once per build; log in $LOGS/cds.log)"
    prepare_cds "$module" & training+=($!)
  done
  for pid in "${training[@]}"; do
    wait "$pid" || { say "no class-data-sharing archive (see $LOGS/cds.log): starting the plain jars"; CDS=0; }
  done
fi
for service in "${SERVICES[@]}"; do
  say "starting $service (http ${HTTP_PORT[$service]}, management ${MANAGEMENT_PORT[$service]})"
  : >"$LOGS/$service.log"
  start_service "$service"
  started "$service" $!
done

deadline=$((SECONDS + START_TIMEOUT))
for service in "${SERVICES[@]}"; do
  until [[ $(http_status "${MANAGEMENT_PORT[$service]}" /actuator/health/readiness 2>/dev/null) == 200 ]]; do
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process exited during start-up; see $LOGS/"; done
    ((SECONDS < deadline)) || die "$service was not ready within $START_TIMEOUT s; see $LOGS/$service.log"
    sleep 0.5
  done
  say "$service is ready"
done

cat <<READY

  Itinera is running.

  API           http://localhost:8080/api/v1/trips
  API key       $API_KEY        (send as: Authorization: Bearer $API_KEY)
  Health        http://localhost:9080/actuator/health/readiness  (enrichment 9081, generation 9082)
  Metrics       http://localhost:9080/actuator/prometheus        (enrichment 9081, generation 9082)
  Kafka         127.0.0.1:$KAFKA_PORT
  Logs          $LOGS/          (pids in $PID_DIR/)

  Try:  curl -s -X POST http://localhost:8080/api/v1/trips -H "Authorization: Bearer $API_KEY" \\
          -H 'Content-Type: application/json' \\
          -d '{"destination":"Lisbon","startDate":"2027-05-10","endDate":"2027-05-12","travelers":2,
               "interests":["culture","food","viewpoints"],"pace":"MODERATE","budget":"MEDIUM"}'

  Press Ctrl-C to stop.
READY

((GATEWAY_REPLICAS == 2)) && say "second gateway replica: http://localhost:8180 (management 9180)"
((WORKER_REPLICAS == 2)) && say "second worker replicas: api-enrichment-2 on http://localhost:8181 (management 9181)," \
  "api-generation-2 on http://localhost:8182 (management 9182)"
[[ $ON_EXIT == stop ]] || say "when a process dies: $ON_EXIT (ITINERA_ON_EXIT)"

# Stay up until a signal arrives or a process dies; what a death means is ITINERA_ON_EXIT's choice.
declare -A REPORTED=()
while true; do
  for i in "${!PIDS[@]}"; do
    kill -0 "${PIDS[i]}" 2>/dev/null && continue
    name=${NAMES[i]}
    case $ON_EXIT in
      stop) die "$name (pid ${PIDS[i]}) exited; see $LOGS/" ;;
      keep)
        [[ -n ${REPORTED[${PIDS[i]}]:-} ]] && continue
        REPORTED[${PIDS[i]}]=1
        rm -f "$PID_DIR/$name.pid"
        say "$name (pid ${PIDS[i]}) exited; the others keep running" ;;
      restart)
        if [[ $name == kafka ]]; then start_kafka; else start_service "$name"; fi
        PIDS[i]=$!
        echo "${PIDS[i]}" >"$PID_DIR/$name.pid"
        say "$name exited; restarted as pid ${PIDS[i]}" ;;
    esac
  done
  # Woken by a child's exit (or a signal) rather than polling: a loop of 0.2 s sleeps forked five processes a second,
  # about 0.01 cores of an otherwise idle suite (docs/performance.md, "Pipeline cost: session 8"). The tick only
  # bounds the wait if no child is left to exit.
  sleep 5 &
  tick=$!
  wait -n || true
  kill "$tick" 2>/dev/null || true
done
