#!/usr/bin/env bash
# Image smoke test without a registry: builds each service's image with Jib on a JRE base made locally from Debian
# packages, runs it with podman the way the Deployment runs the pod (uid from the image, read-only root filesystem,
# no capabilities, tmpfs for /tmp), and checks that it
#   1. runs as a non-root user,
#   2. answers its readiness probe (against a real standalone Kafka broker started here),
#   3. stops cleanly on SIGTERM within the Deployment's terminationGracePeriodSeconds.
#
# Needs root (podman with the runc runtime) and the network to Debian's mirror for the base image (built once, cached
# in target/image-smoke/). Not part of `mvn verify`.
#
#   sudo deploy/images/smoke-test.sh                    # all three services
#   sudo deploy/images/smoke-test.sh api-gateway        # one
#
# Environment: SMOKE_KAFKA_PORT (default 19092); SMOKE_SKIP_BUILD=1 reuses the jars already installed.
# The containers' logs stay in target/image-smoke/logs.
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/target/image-smoke
LOGS=$WORK/logs
SERVICES=("$@")
((${#SERVICES[@]})) || SERVICES=(api-gateway api-enrichment api-generation)
declare -A MANAGEMENT_PORT=([api-gateway]=9080 [api-enrichment]=9081 [api-generation]=9082)
KAFKA_PORT=${SMOKE_KAFKA_PORT:-19092}
CONTROLLER_PORT=$((KAFKA_PORT + 1))
BASE_IMAGE=localhost/itinera-jre17-base
BROKER_PID=

say() { printf '[smoke] %s\n' "$*"; }
die() { printf '[smoke] FAIL: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The image name Jib uses (ghcr.io/<image.owner>/<service>), tagged for this test only.
image_of() { echo "ghcr.io/$IMAGE_OWNER/$1:smoke"; }

cleanup() {
  for service in "${SERVICES[@]}"; do podman rm -f "smoke-$service" >/dev/null 2>&1 || true; done
  if [[ -n $BROKER_PID ]]; then
    kill -TERM "$BROKER_PID" 2>/dev/null || true
    wait "$BROKER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

[[ $(id -u) == 0 ]] || die "run as root (podman with runc needs it here)"
missing=()
for tool in podman runc debootstrap curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  apt-get install -y -q podman runc debootstrap curl >/dev/null
fi
mkdir -p "$WORK" "$LOGS"

# podman as root in a sandbox: the runc runtime and ulimits below the hard limits (see /work/shared/PLATFORM-NOTES.md).
cat >"$WORK/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF=$WORK/containers.conf

# --- a JRE base image from Debian packages (the published images use eclipse-temurin, see the parent pom) ----------
if [[ ! -f $WORK/base.tar ]]; then
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [[ -n $mirror ]] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [[ -n $mirror ]] || die "no Debian mirror found in the apt sources"
  say "building the JRE base rootfs with debootstrap (once)"
  rm -rf "$WORK/rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$WORK/rootfs" "$mirror" \
    >"$LOGS/debootstrap.log" 2>&1 || die "debootstrap failed; see $LOGS/debootstrap.log"
  tar -C "$WORK/rootfs" -c . | podman import -q --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$BASE_IMAGE" >/dev/null
  podman save -q --format docker-archive -o "$WORK/base.tar" "$BASE_IMAGE" >/dev/null
  rm -rf "$WORK/rootfs"
fi

# --- the grace period the Deployment gives a pod ----------------------------------------------------------------------
grace=$(awk '/terminationGracePeriodSeconds:/ {print $2; exit}' deploy/base/spring-boot-defaults/pod-defaults.yaml)
[[ $grace =~ ^[0-9]+$ ]] || die "terminationGracePeriodSeconds not found in deploy/base/spring-boot-defaults"

IMAGE_OWNER=$(mvn -B -q -o help:evaluate -Dexpression=image.owner -DforceStdout 2>/dev/null \
  | sed 's/\x1b\[[0-9;]*m//g' | tr -cd 'a-z0-9._-')
IMAGE_OWNER=${IMAGE_OWNER:-itinera}

# --- build the jars and images ----------------------------------------------------------------------------------------
modules=$(IFS=,; echo "${SERVICES[*]}")
if [[ ${SMOKE_SKIP_BUILD:-0} != 1 ]]; then
  say "building $modules (mvn install without tests)"
  mvn -B -q -pl "$modules" -am install -DskipTests -Dspotless.check.skip=true >"$LOGS/build.log" 2>&1 \
    || { tail -30 "$LOGS/build.log"; die "build failed"; }
fi
for service in "${SERVICES[@]}"; do
  say "jib:buildTar $service"
  mvn -B -q -pl "$service" jib:buildTar -Djib.from.image="tar://$WORK/base.tar" \
    -Djib.to.image="$(image_of "$service")" >>"$LOGS/build.log" 2>&1 || { tail -30 "$LOGS/build.log"; die "jib:buildTar $service failed"; }
  podman load -q -i "$service/target/jib-image.tar" >/dev/null
done

# --- a standalone KRaft broker, as run-local.sh starts it ------------------------------------------------------------
[[ -d local-broker/target/broker-lib ]] || mvn -B -q -o -pl local-broker package -DskipTests >>"$LOGS/build.log" 2>&1
port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is in use"
rm -rf "$WORK/kafka" && mkdir -p "$WORK/kafka"
# shellcheck source=embedded-kafka/standalone-broker.sh
source "$ROOT/embedded-kafka/standalone-broker.sh"
kafka_configure "$WORK/kafka" "$KAFKA_PORT" "$CONTROLLER_PORT" >"$LOGS/kafka.log" 2>&1 || die "could not format Kafka storage"
(kafka_start "$WORK/kafka") >>"$LOGS/kafka.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 1 120); do port_open "$KAFKA_PORT" && break; sleep 0.25; done
port_open "$KAFKA_PORT" || die "Kafka did not start; see $LOGS/kafka.log"
say "Kafka on 127.0.0.1:$KAFKA_PORT"

# --- run each image like the pod, check user, readiness, SIGTERM ------------------------------------------------------
results=()
for service in "${SERVICES[@]}"; do
  name=smoke-$service
  port=${MANAGEMENT_PORT[$service]}
  port_open "$port" && die "port $port is in use"
  extra=()
  if [[ $service == api-gateway ]]; then
    # shellcheck disable=SC2054 # the commas belong to --tmpfs options
    extra+=(--tmpfs /var/cache/itinera:rw,size=256m,mode=1777
      -e SPRING_KAFKA_STREAMS_STATE_DIR=/var/cache/itinera/streams
      -e GATEWAY_API_KEYS_0_CLIENT_ID=smoke
      -e GATEWAY_API_KEYS_0_SHA256="$(printf '%s' smoke-key | sha256sum | cut -d' ' -f1)")
  fi
  say "starting $name"
  podman run -d --pull never --name "$name" --network host --read-only --tmpfs /tmp:rw,size=128m,mode=1777 \
    --cap-drop ALL --security-opt no-new-privileges --memory 768m \
    -e SPRING_KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" "${extra[@]}" \
    "$(image_of "$service")" >/dev/null

  pid=$(podman inspect --format '{{.State.Pid}}' "$name")
  uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
  [[ $uid != 0 ]] || die "$service runs as root"

  started=$SECONDS
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness") == 200 ]]; do
    [[ $(podman inspect --format '{{.State.Running}}' "$name") == true ]] \
      || { podman logs "$name" | tail -40; die "$service exited during start-up"; }
    ((SECONDS - started < 180)) || { podman logs "$name" | tail -40; die "$service not ready within 180 s"; }
    sleep 1
  done
  ready_after=$((SECONDS - started))

  stop_started=$(date +%s%N)
  podman kill --signal TERM "$name" >/dev/null
  exit_code=$(timeout "$grace" podman wait "$name" || echo timeout)
  stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
  podman logs "$name" >"$LOGS/$service.log" 2>&1
  [[ $exit_code != timeout ]] || die "$service did not stop within the grace period of $grace s"
  [[ $exit_code == 0 || $exit_code == 143 ]] || die "$service exited with $exit_code on SIGTERM; see $LOGS/$service.log"
  podman rm "$name" >/dev/null
  results+=("$service: uid $uid, ready after ${ready_after} s, stopped ${stop_ms} ms after SIGTERM (exit $exit_code, grace ${grace} s)")
  say "${results[-1]}"
done

say "PASS"
printf '  %s\n' "${results[@]}"
