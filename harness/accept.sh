#!/usr/bin/env bash
# The accept path against a bare WebFlux endpoint, side by side: POST /api/v1/trips on the gateway, on the harness's
# bare endpoint (same body, 202 + small JSON) and on issue 10's reference for goal 3 (the same endpoint plus an acks=all
# Kafka send before the answer) with wrk, at each connection count, in interleaved rounds (odd rounds in the order of
# ACCEPT_TARGETS, even rounds reversed), then the medians and the ratios.
#
#   flock /work/team/run-local.lock harness/accept.sh
#
# It starts its own ./run-local.sh (none may be running) with the rate limit off, and the bare endpoint on 8088 and the
# reference on 8089 (sending to run-local's broker) with the same JVM options as the services. The POSTs create real
# trips: by default the workers are paused (SIGSTOP) during the runs, so that only the accept path uses the cores, and
# the local broker's data is deleted before and after (target/local/kafka and target/local/state), so that no backlog
# is left behind.
#
# Per run it also prints each target process's CPU per request (`cpu ms`, from /proc: robust to other processes on the
# machine) and the broker's (`kafka ms`), and for the gateway `saga ms`, its CPU per POST afterwards while the saga
# folds the commands it had not yet.
#
# Environment:
#   ACCEPT_TARGETS        which endpoints, in round 1's order (default: "gateway bare reference")
#   ACCEPT_CONNECTIONS    connection counts (default: "64 256")
#   ACCEPT_DURATION       per run (default: 20s)
#   ACCEPT_ROUNDS         A/B rounds per connection count (default: 2)
#   ACCEPT_THREADS        wrk threads (default: 2)
#   ACCEPT_WARMUP         unmeasured warm-up of each target before the rounds (default: 30s: the gateway's JIT is
#                         not done after 5 s on two cores, and a cold first round halves its median)
#   ACCEPT_JFR            targets to profile (e.g. "gateway reference"): after the rounds, one more run of each at the
#                         last connection count with a JFR recording of its process (settings=profile, from 3 s into
#                         the run for the run's length minus 5 s), not counted in the medians; recordings in
#                         target/harness/accept-<target>.jfr, read with harness/profile-layers.py (default: none).
#                         Profiling needs deep stacks: ITINERA_JAVA_OPTS="-Xmx512m -XX:FlightRecorderOptions:stackdepth=512"
#   ACCEPT_PAUSE_WORKERS  1 (default) to SIGSTOP api-enrichment and api-generation during the runs
#   ACCEPT_WIPE_DATA      1 (default) to delete the local broker's data before and after; 0 to keep it
#   ACCEPT_SETTLE         before each run and after a gateway run, wait (at most this many seconds, default 120) until the gateway and the
#                         broker are idle again: the gateway accepts without waiting for the saga, so the commands of
#                         a gateway run are still being folded when it ends, and would otherwise slow the bare run
#                         that follows it (0: no wait)
#   ACCEPT_ADMISSION_OFF  gateway arguments that switch admission control off for the measurement: with the workers
#                         paused every accepted trip stays open, so admission would refuse most POSTs within seconds
#                         (default: --gateway.admission.enabled=false; empty to measure with it on)
#   ACCEPT_DEADLINES_OFF  gateway arguments that keep the saga's deadline scan from running during the measurement
#                         (default: --gateway.trips.deadlines.scan-interval=1h). With the workers paused no trip is
#                         ever answered, so the scan would send every open trip's request again from 20 s on, and from
#                         2 min on end each trip accepted in the first rounds as FAILED (a snapshot, a changelog record
#                         and a WARN line each: 24,611 in one session-17 run), while it walks every open trip every 5 s
#                         (hundreds of thousands with admission off): recovery work the paused workers create, not
#                         accepting. Empty to keep the scan; session 16 used --gateway.trips.deadlines.resend-after=0s
#                         (re-sending off, expiry on).
set -euo pipefail
# shellcheck source=harness/suite.sh
source "$(dirname "$0")/suite.sh"
cd "$HARNESS_ROOT"

TARGETS=${ACCEPT_TARGETS:-gateway bare reference}
CONNECTIONS=${ACCEPT_CONNECTIONS:-64 256}
DURATION=${ACCEPT_DURATION:-20s}
ROUNDS=${ACCEPT_ROUNDS:-2}
THREADS=${ACCEPT_THREADS:-2}
WARMUP=${ACCEPT_WARMUP:-30s}
JFR=${ACCEPT_JFR:-}
PAUSE_WORKERS=${ACCEPT_PAUSE_WORKERS:-1}
WIPE_DATA=${ACCEPT_WIPE_DATA:-1}
SETTLE=${ACCEPT_SETTLE:-120}
ADMISSION_OFF=${ACCEPT_ADMISSION_OFF---gateway.admission.enabled=false}
DEADLINES_OFF=${ACCEPT_DEADLINES_OFF---gateway.trips.deadlines.scan-interval=1h}
declare -A PORT=([gateway]=8080 [bare]=8088 [reference]=8089)
declare -A PID=()
PAUSED=()

if ! command -v wrk >/dev/null; then
  harness_say "installing wrk (apt-get)"
  SUDO=; ((EUID == 0)) || SUDO=sudo
  $SUDO apt-get install -y -q wrk >/dev/null 2>&1 || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q wrk >/dev/null; }
fi
suite_running && { harness_say "a suite is already running on 8080: stop it first (accept.sh starts its own)"; exit 1; }
harness_build

wipe_data() {
  ((WIPE_DATA)) || return 0
  harness_say "deleting the local broker's data (target/local/kafka, target/local/state)"
  rm -rf target/local/kafka target/local/state
}

cleanup() { # cleanup EXIT_STATUS: stops everything it started, then exits with the script's status
  set +e # every step runs, whatever the one before returned
  if ((${#PAUSED[@]})); then kill -CONT "${PAUSED[@]}" 2>/dev/null || true; fi
  local pid
  for pid in "${PID[bare]:-}" "${PID[reference]:-}"; do
    [[ -n $pid ]] && { kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
  done
  suite_stop
  wipe_data
  exit "$1"
}
trap 'cleanup $?' EXIT

wipe_data
# shellcheck disable=SC2086 # ADMISSION_OFF and DEADLINES_OFF are lists of arguments
suite_start $ADMISSION_OFF $DEADLINES_OFF
PID[gateway]=$(pid_of api-gateway)
for target in bare reference; do
  [[ " $TARGETS " == *" $target "* ]] || continue
  kafka=(); [[ $target == reference ]] && kafka=(--kafka 127.0.0.1:9092)
  # shellcheck disable=SC2086 # the services' JVM options, so that the yardsticks run on the same JVM settings
  java ${ITINERA_JAVA_OPTS:--Xmx512m} -jar "$HARNESS_JAR" bare --port "${PORT[$target]}" "${kafka[@]}" \
    >"target/local/logs/$target.log" 2>&1 &
  PID[$target]=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/${PORT[$target]}") 2>/dev/null; do
    kill -0 "${PID[$target]}" 2>/dev/null || { tail -20 "target/local/logs/$target.log"; exit 1; }
    sleep 0.5
  done
done

start=$(date -d '+30 days' +%F)
end=$(date -d '+32 days' +%F)
export ACCEPT_BODY="{\"destination\":\"Lisbon\",\"startDate\":\"$start\",\"endDate\":\"$end\",\"travelers\":2,\
\"interests\":[\"culture\",\"food\",\"viewpoints\"],\"pace\":\"MODERATE\",\"budget\":\"MEDIUM\"}"
export ITINERA_API_KEY=${ITINERA_API_KEY:-itinera-local-dev-key}

# A warm-up of each, unmeasured, so that none is measured cold. A process to be profiled gets a throw-away JFR
# recording during its warm-up: a JVM's first recording invalidates much of its compiled code ("Jvmti state change
# invalidated dependencies"), and a gateway profiled without it ran at a twentieth of its rate, recompiling throughout.
for target in $JFR; do
  jcmd "${PID[$target]}" JFR.start name=warmup settings=profile >/dev/null
done
for target in $TARGETS; do
  wrk -t"$THREADS" -c64 -d"$WARMUP" -s harness/accept.lua "http://127.0.0.1:${PORT[$target]}" >/dev/null
done
for target in $JFR; do
  jcmd "${PID[$target]}" JFR.stop name=warmup >/dev/null
done
if ((PAUSE_WORKERS)); then
  for name in api-enrichment api-generation; do PAUSED+=("$(pid_of "$name")"); done
  kill -STOP "${PAUSED[@]}"
  harness_say "workers paused (pids ${PAUSED[*]}) during the runs"
fi

cpu_ticks() { # cpu_ticks PID...: user + system clock ticks the processes used so far
  local pid total=0 fields
  for pid in "$@"; do
    read -ra fields <"/proc/$pid/stat" || continue
    total=$((total + fields[13] + fields[14]))
  done
  echo "$total"
}

settle() { # waits until the gateway and the broker use under a tenth of a core over a second, or SETTLE seconds
  local pids=() start=$SECONDS before after name
  for name in api-gateway kafka; do pids+=("$(pid_of "$name")"); done
  while ((SECONDS - start < SETTLE)); do
    before=$(cpu_ticks "${pids[@]}")
    sleep 1
    after=$(cpu_ticks "${pids[@]}")
    (((after - before) * 10 < $(getconf CLK_TCK))) && break
  done
  SETTLED=$((SECONDS - start))
}

# thread_ticks PID: CPU clock ticks so far per group of the process's threads ("group ticks" lines): what each part of
# the gateway costs per POST, read from /proc like the totals (the compiler and GC threads are no JFR samples).
thread_ticks() {
  local task name stat rest fields
  for task in /proc/"$1"/task/*; do
    name=$(<"$task/comm") 2>/dev/null || continue
    stat=$(<"$task/stat") 2>/dev/null || continue
    rest=${stat##*) }
    read -ra fields <<<"$rest"
    case $name in
      reactor-http-*) name=http ;;
      kafka-producer*) name=producers ;; # the commands' producer and Kafka Streams' own (/proc cuts names at 15)
      api-gateway-*) name=streams ;;     # Kafka Streams' threads: the saga and the read model
      C1\ Compiler* | C2\ Compiler*) name=jit ;;
      GC\ Thread* | G1\ *) name=gc ;;
      boundedElastic*) name=elastic ;;
      *) name=other ;;
    esac
    echo "$name $((fields[11] + fields[12]))"
  done | awk '{t[$1] += $2} END {for (n in t) print n, t[n]}'
}
# thread_split BEFORE AFTER REQUESTS: "http 0.210 saga 0.080 ..." ms per request by thread group, largest first
thread_split() {
  awk -v n="$3" -v hz="$(getconf CLK_TCK)" 'NR == FNR {b[$1] = $2; next} {d[$1] = $2 - b[$1]}
    END {for (g in d) printf "%s %.3f\n", g, n ? 1000 * d[g] / hz / n : 0}' <(echo "$1") <(echo "$2") \
    | sort -k2 -gr | tr '\n' ' '
}

RESULTS=$(mktemp)
mkdir -p target/harness
ms_per() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", n ? 1000 * t / hz / n : 0}'; }
seconds_of() { awk -v d="$1" 'BEGIN {n = d + 0; if (d ~ /ms$/) n /= 1000; else if (d ~ /m$/) n *= 60; printf "%d", n}'; }
run() { # run TARGET CONNECTIONS ROUND [jfr]
  local line pid=${PID[$1]} broker t0 t1 t2 k0 k1 during after=- kafka
  broker=$(pid_of kafka)
  settle
  if [[ ${4:-} == jfr ]]; then
    jcmd "$pid" JFR.start name=accept settings=profile delay=3s \
      duration=$(($(seconds_of "$DURATION") - 5))s filename="$PWD/target/harness/accept-$1.jfr" >/dev/null
  fi
  local split0 split1
  split0=$(thread_ticks "$pid")
  t0=$(cpu_ticks "$pid"); k0=$(cpu_ticks "$broker")
  line=$(wrk -t"$THREADS" -c"$2" -d"$DURATION" --timeout 10s --latency -s harness/accept.lua \
    "http://127.0.0.1:${PORT[$1]}" | grep '^RESULT')
  t1=$(cpu_ticks "$pid"); k1=$(cpu_ticks "$broker")
  split1=$(thread_ticks "$pid")
  read -r _ rps p50 p99 non2xx socket requests <<<"$line"
  during=$(ms_per $((t1 - t0)) "$requests")
  kafka=$(ms_per $((k1 - k0)) "$requests")
  if [[ $1 == gateway ]]; then # the gateway's CPU per POST while its saga catches up
    settle
    t2=$(cpu_ticks "$pid")
    after=$(ms_per $((t2 - t1)) "$requests")
  fi
  printf '%-9s %5s %5s %10s %9s %9s %8s %8s %9s %7s %7s %8s %7s  load %s\n' "$1" "$3" "$2" "$rps" "$p50" "$p99" \
    "$non2xx" "$socket" "$requests" "${SETTLED}s" "$during" "$kafka" "$after" "$(cut -d' ' -f1 /proc/loadavg)"
  printf '          cpu ms per request by thread: %s\n' "$(thread_split "$split0" "$split1" "$requests")"
  [[ ${4:-} == jfr ]] || echo "$1 $2 $rps $p50 $p99 $during" >>"$RESULTS"
}
printf '%-9s %5s %5s %10s %9s %9s %8s %8s %9s %7s %7s %8s %7s\n' target round conns 'req/s' 'p50 ms' 'p99 ms' \
  non-2xx socket requests settled 'cpu ms' 'kafka ms' 'saga ms'
read -ra FORWARD <<<"$TARGETS"
BACKWARD=(); for ((i = ${#FORWARD[@]} - 1; i >= 0; i--)); do BACKWARD+=("${FORWARD[i]}"); done
for ((round = 1; round <= ROUNDS; round++)); do
  for c in $CONNECTIONS; do
    if ((round % 2)); then order=("${FORWARD[@]}"); else order=("${BACKWARD[@]}"); fi
    for target in "${order[@]}"; do run "$target" "$c" "$round"; done
  done
done
for target in $JFR; do
  run "$target" "${CONNECTIONS##* }" jfr jfr
  harness_say "profile of $target: target/harness/accept-$target.jfr"
done

echo
echo "medians over $ROUNDS rounds of $DURATION (share: of the bare endpoint's throughput)"
median() { awk -v t="$1" -v c="$2" -v f="$3" '$1 == t && $2 == c {print $f}' "$RESULTS" | sort -g \
  | awk '{v[NR] = $1} END {printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for c in $CONNECTIONS; do
  bare=$(median bare "$c" 3)
  for target in $TARGETS; do
    rps=$(median "$target" "$c" 3)
    printf '%4s connections: %-9s %9.1f req/s (p50 %s, p99 %s ms), %s ms CPU per request' "$c" "$target" "$rps" \
      "$(median "$target" "$c" 4)" "$(median "$target" "$c" 5)" "$(median "$target" "$c" 6)"
    awk -v r="$rps" -v b="$bare" 'BEGIN {if (b > 0) printf ": %.1f %% of bare", 100 * r / b}'
    echo
  done
done
rm -f "$RESULTS"
