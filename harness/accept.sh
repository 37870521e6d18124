#!/usr/bin/env bash
# The accept path against a bare WebFlux endpoint, side by side: POST /api/v1/trips on the gateway and on the
# harness's bare endpoint (same body, 202 + small JSON) with wrk, at each connection count, in interleaved rounds
# (gateway, bare, then bare, gateway: each order equally often), then the medians and the gateway/bare ratio.
#
#   flock /work/team/run-local.lock harness/accept.sh
#
# It starts its own ./run-local.sh (none may be running) with the rate limit off, and the bare endpoint on 8088 with
# the same JVM options as the services. The POSTs create real trips: by default the workers are paused (SIGSTOP)
# during the runs, so that only the accept path uses the cores, and the local broker's data is deleted before and
# after (target/local/kafka and target/local/state), so that no backlog is left behind.
#
# Per gateway run it also prints the gateway process's CPU per POST: `cpu ms` while wrk runs (the accept path plus
# whatever of the saga's folding kept pace), `saga ms` afterwards while the saga folds the commands it had not yet.
#
# Environment:
#   ACCEPT_CONNECTIONS    connection counts (default: "64 256")
#   ACCEPT_DURATION       per run (default: 20s)
#   ACCEPT_ROUNDS         A/B rounds per connection count (default: 2)
#   ACCEPT_THREADS        wrk threads (default: 2)
#   ACCEPT_WARMUP         unmeasured warm-up of each target before the rounds (default: 30s: the gateway's JIT is
#                         not done after 5 s on two cores, and a cold first round halves its median)
#   ACCEPT_PAUSE_WORKERS  1 (default) to SIGSTOP api-enrichment and api-generation during the runs
#   ACCEPT_WIPE_DATA      1 (default) to delete the local broker's data before and after; 0 to keep it
#   ACCEPT_SETTLE         before each run and after a gateway run, wait (at most this many seconds, default 120) until the gateway and the
#                         broker are idle again: the gateway accepts without waiting for the saga, so the commands of
#                         a gateway run are still being folded when it ends, and would otherwise slow the bare run
#                         that follows it (0: no wait)
#   ACCEPT_ADMISSION_OFF  gateway arguments that switch admission control off for the measurement: with the workers
#                         paused every accepted trip stays open, so admission would refuse most POSTs within seconds
#                         (default: --gateway.admission.enabled=false; empty to measure with it on)
set -euo pipefail
# shellcheck source=harness/suite.sh
source "$(dirname "$0")/suite.sh"
cd "$HARNESS_ROOT"

CONNECTIONS=${ACCEPT_CONNECTIONS:-64 256}
DURATION=${ACCEPT_DURATION:-20s}
ROUNDS=${ACCEPT_ROUNDS:-2}
THREADS=${ACCEPT_THREADS:-2}
WARMUP=${ACCEPT_WARMUP:-30s}
PAUSE_WORKERS=${ACCEPT_PAUSE_WORKERS:-1}
WIPE_DATA=${ACCEPT_WIPE_DATA:-1}
SETTLE=${ACCEPT_SETTLE:-120}
ADMISSION_OFF=${ACCEPT_ADMISSION_OFF---gateway.admission.enabled=false}
BARE_PORT=8088
BARE_PID=
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
  if [[ -n $BARE_PID ]]; then kill -TERM "$BARE_PID" 2>/dev/null; wait "$BARE_PID" 2>/dev/null || true; fi
  suite_stop
  wipe_data
  exit "$1"
}
trap 'cleanup $?' EXIT

wipe_data
# shellcheck disable=SC2086 # ADMISSION_OFF is a list of arguments
suite_start $ADMISSION_OFF
# shellcheck disable=SC2086 # the services' JVM options, so that the yardstick runs on the same JVM settings
java ${ITINERA_JAVA_OPTS:--Xmx512m} -jar "$HARNESS_JAR" bare --port $BARE_PORT >target/local/logs/bare.log 2>&1 &
BARE_PID=$!
until (exec 3<>/dev/tcp/127.0.0.1/$BARE_PORT) 2>/dev/null; do
  kill -0 "$BARE_PID" 2>/dev/null || { tail -20 target/local/logs/bare.log; exit 1; }
  sleep 0.5
done

start=$(date -d '+30 days' +%F)
end=$(date -d '+32 days' +%F)
export ACCEPT_BODY="{\"destination\":\"Lisbon\",\"startDate\":\"$start\",\"endDate\":\"$end\",\"travelers\":2,\
\"interests\":[\"culture\",\"food\",\"viewpoints\"],\"pace\":\"MODERATE\",\"budget\":\"MEDIUM\"}"
export ITINERA_API_KEY=${ITINERA_API_KEY:-itinera-local-dev-key}

# A warm-up of both, unmeasured, so that neither is measured cold.
for port in 8080 $BARE_PORT; do
  wrk -t"$THREADS" -c64 -d"$WARMUP" -s harness/accept.lua "http://127.0.0.1:$port" >/dev/null
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

RESULTS=$(mktemp)
ms_per() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", n ? 1000 * t / hz / n : 0}'; }
run() { # run TARGET PORT CONNECTIONS ROUND
  local line gateway=$(pid_of api-gateway) t0 t1 t2 during=- after=-
  settle
  t0=$(cpu_ticks "$gateway")
  line=$(wrk -t"$THREADS" -c"$3" -d"$DURATION" --timeout 10s --latency -s harness/accept.lua "http://127.0.0.1:$2" \
    | grep '^RESULT')
  read -r _ rps p50 p99 non2xx socket requests <<<"$line"
  if [[ $1 == gateway ]]; then # the gateway's CPU per POST while answering, then while its saga catches up
    t1=$(cpu_ticks "$gateway")
    settle
    t2=$(cpu_ticks "$gateway")
    during=$(ms_per $((t1 - t0)) "$requests")
    after=$(ms_per $((t2 - t1)) "$requests")
  fi
  printf '%-7s %5s %5s %10s %9s %9s %8s %8s %9s %7s %7s %7s  load %s\n' "$1" "$4" "$3" "$rps" "$p50" "$p99" \
    "$non2xx" "$socket" "$requests" "${SETTLED}s" "$during" "$after" "$(cut -d' ' -f1 /proc/loadavg)"
  echo "$1 $3 $rps $p50 $p99" >>"$RESULTS"
}
printf '%-7s %5s %5s %10s %9s %9s %8s %8s %9s %7s %7s %7s\n' target round conns 'req/s' 'p50 ms' 'p99 ms' non-2xx \
  socket requests settled 'cpu ms' 'saga ms'
for ((round = 1; round <= ROUNDS; round++)); do
  for c in $CONNECTIONS; do
    if ((round % 2)); then run gateway 8080 "$c" "$round"; run bare $BARE_PORT "$c" "$round"
    else run bare $BARE_PORT "$c" "$round"; run gateway 8080 "$c" "$round"; fi
  done
done

echo
echo "medians over $ROUNDS rounds of $DURATION (gateway/bare: share of the bare endpoint's throughput)"
for c in $CONNECTIONS; do
  median() { awk -v t="$1" -v c="$c" -v f="$2" '$1 == t && $2 == c {print $f}' "$RESULTS" | sort -g \
    | awk '{v[NR] = $1} END {printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
  g=$(median gateway 3); b=$(median bare 3)
  printf '%4s connections: gateway %s req/s (p50 %s, p99 %s ms), bare %s req/s (p50 %s, p99 %s ms): %s %%\n' \
    "$c" "$g" "$(median gateway 4)" "$(median gateway 5)" "$b" "$(median bare 4)" "$(median bare 5)" \
    "$(awk -v g="$g" -v b="$b" 'BEGIN {printf "%.1f", 100 * g / b}')"
done
rm -f "$RESULTS"
