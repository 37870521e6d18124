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
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$PWD
LOCAL=$ROOT/target/local
LOGS=$LOCAL/logs
VERSION=0.1.0-SNAPSHOT
API_KEY=${ITINERA_API_KEY:-itinera-local-dev-key}
JAVA_OPTS=${ITINERA_JAVA_OPTS:--Xmx512m}
KAFKA_PORT=9092
CONTROLLER_PORT=9093
SERVICES=(api-enrichment api-generation api-gateway)
declare -A HTTP_PORT=([api-gateway]=8080 [api-enrichment]=8081 [api-generation]=8082)
declare -A MANAGEMENT_PORT=([api-gateway]=9080 [api-enrichment]=9081 [api-generation]=9082)
PIDS=()

say() { printf '[run-local] %s\n' "$*"; }
die() { printf '[run-local] ERROR: %s\n' "$*" >&2; exit 1; }

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
  trap - INT TERM EXIT
  if ((${#PIDS[@]})); then
    say "stopping..."
    # Services first (reverse start order), then the broker they need to shut down cleanly.
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
      kill -TERM "${PIDS[i]}" 2>/dev/null || true
      for _ in $(seq 1 150); do kill -0 "${PIDS[i]}" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "${PIDS[i]}" 2>/dev/null || true
    done
    say "stopped"
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# --- prerequisites ---------------------------------------------------------------------------------------------------
command -v java >/dev/null || die "java not found: install a JDK 17 or newer"
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
((${java_major%%.*} >= 17)) || die "Java 17 or newer is required (found $java_major)"

for port in $KAFKA_PORT $CONTROLLER_PORT "${HTTP_PORT[@]}" "${MANAGEMENT_PORT[@]}"; do
  port_in_use "$port" && die "port $port is already in use (is another run-local.sh running?); free it and retry"
done

# --- build what is missing or stale ----------------------------------------------------------------------------------
jar_of() { echo "$ROOT/$1/target/$1-$VERSION-exec.jar"; }
needs_build=0
[[ -d $ROOT/embedded-kafka/target/broker-lib ]] || needs_build=1
for service in "${SERVICES[@]}"; do
  jar=$(jar_of "$service")
  if [[ ! -f $jar ]] || [[ -n $(find "$ROOT/pom.xml" "$ROOT/common-events" "$ROOT/$service" \
      -path '*/target' -prune -o -newer "$jar" -type f -print -quit) ]]; then
    needs_build=1
  fi
done
if ((needs_build)); then
  [[ ${ITINERA_SKIP_BUILD:-0} == 1 ]] && die "jars are missing or stale and ITINERA_SKIP_BUILD=1"
  command -v mvn >/dev/null || die "mvn not found: install Maven 3.8 or newer"
  say "building (mvn package without tests; full log in $LOGS/build.log)..."
  mkdir -p "$LOGS"
  mvn -B -q -Dmaven.test.skip=true package >"$LOGS/build.log" 2>&1 || { tail -40 "$LOGS/build.log"; die "build failed"; }
fi

mkdir -p "$LOGS" "$LOCAL/kafka"

# --- Kafka: one KRaft node, data kept under target/local/kafka across runs --------------------------------------------
# shellcheck source=embedded-kafka/standalone-broker.sh
source "$ROOT/embedded-kafka/standalone-broker.sh"
kafka_configure "$LOCAL/kafka" "$KAFKA_PORT" "$CONTROLLER_PORT" >>"$LOGS/kafka.log" 2>&1 \
  || die "could not format Kafka storage; see $LOGS/kafka.log"
say "starting Kafka on 127.0.0.1:$KAFKA_PORT"
(kafka_start "$LOCAL/kafka") >>"$LOGS/kafka.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do port_in_use $KAFKA_PORT && break; kill -0 "${PIDS[0]}" 2>/dev/null || die "Kafka exited; see $LOGS/kafka.log"; sleep 0.25; done
port_in_use $KAFKA_PORT || die "Kafka did not open port $KAFKA_PORT; see $LOGS/kafka.log"

# --- the three services ----------------------------------------------------------------------------------------------
key_sha256=$(printf '%s' "$API_KEY" | sha256sum | awk '{print $1}')
for service in "${SERVICES[@]}"; do
  say "starting $service (http ${HTTP_PORT[$service]}, management ${MANAGEMENT_PORT[$service]})"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  ITINERA_API_KEY_SHA256=$key_sha256 java $JAVA_OPTS -jar "$(jar_of "$service")" --spring.profiles.active=local \
    >"$LOGS/$service.log" 2>&1 &
  PIDS+=($!)
done

deadline=$((SECONDS + 180))
for service in "${SERVICES[@]}"; do
  until [[ $(http_status "${MANAGEMENT_PORT[$service]}" /actuator/health/readiness 2>/dev/null) == 200 ]]; do
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || die "a process exited during start-up; see $LOGS/"; done
    ((SECONDS < deadline)) || die "$service was not ready within 180 s; see $LOGS/$service.log"
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
  Logs          $LOGS/

  Try:  curl -s -X POST http://localhost:8080/api/v1/trips -H "Authorization: Bearer $API_KEY" \\
          -H 'Content-Type: application/json' \\
          -d '{"destination":"Lisbon","startDate":"2027-05-10","endDate":"2027-05-12","travelers":2,
               "interests":["culture","food","viewpoints"],"pace":"MODERATE","budget":"MEDIUM"}'

  Press Ctrl-C to stop.
READY

# Stay up until a signal arrives or a process dies.
while true; do
  for pid in "${PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || die "process $pid exited; see $LOGS/"
  done
  sleep 1 &
  wait $! || true
done
