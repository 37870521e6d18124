#!/usr/bin/env bash
# Checks that every query of the Grafana dashboards returns data against the real services: starts ./run-local.sh
# (unless the suite is already running), a real Prometheus scraping the three management ports, puts load on the
# API (valid trips, an unknown destination, invalid and unauthenticated requests, one unreadable Kafka record), then
# evaluates every panel's PromQL through Prometheus' HTTP API and reports how many series each returned.
#
#   deploy/monitoring/verify-dashboards.sh            # exit 1 if any query returned no series
#
# Needs: java, curl, jq, prometheus (Debian: apt-get install --no-install-recommends prometheus).
# Writes target/dashboard-verify/summary.md (copied into docs/observability.md by hand).
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/target/dashboard-verify
PROM_PORT=${VERIFY_PROMETHEUS_PORT:-19090}
KEY=${ITINERA_API_KEY:-itinera-local-dev-key}
API=http://localhost:8080/api/v1/trips
LOAD_SECONDS=${VERIFY_LOAD_SECONDS:-90}
RUN_LOCAL_PID='' PROM_PID='' LOAD_PID='' PROXY_PID=''

say() { printf '[verify] %s\n' "$*"; }
die() { printf '[verify] FAIL: %s\n' "$*" >&2; exit 1; }
ready() { [[ $(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$1/actuator/health/readiness") == 200 ]]; }

cleanup() {
  [[ -z $LOAD_PID ]] || kill "$LOAD_PID" 2>/dev/null || true
  [[ -z $PROXY_PID ]] || kill "$PROXY_PID" 2>/dev/null || true
  [[ -z $PROM_PID ]] || { kill -TERM "$PROM_PID" 2>/dev/null || true; wait "$PROM_PID" 2>/dev/null || true; }
  [[ -z $RUN_LOCAL_PID ]] || { kill -TERM "$RUN_LOCAL_PID" 2>/dev/null || true; wait "$RUN_LOCAL_PID" 2>/dev/null || true; }
}
trap cleanup EXIT

for tool in java curl jq prometheus; do command -v "$tool" >/dev/null || die "$tool not found"; done
rm -rf "$WORK" && mkdir -p "$WORK"

# --- the suite ------------------------------------------------------------------------------------------------------
if ready 9080 && ready 9081 && ready 9082; then
  say "the suite is already running; using it"
else
  say "starting ./run-local.sh (log: $WORK/run-local.log)"
  ./run-local.sh >"$WORK/run-local.log" 2>&1 &
  RUN_LOCAL_PID=$!
  for _ in $(seq 1 300); do
    ready 9080 && ready 9081 && ready 9082 && break
    kill -0 "$RUN_LOCAL_PID" 2>/dev/null || { tail -20 "$WORK/run-local.log"; die "run-local.sh exited"; }
    sleep 1
  done
  if ! { ready 9080 && ready 9081 && ready 9082; }; then die "the services did not become ready"; fi
fi

# --- Prometheus, scraping like the ServiceMonitors do --------------------------------------------------------------------
# Micrometer puts trace exemplars on histogram _count series, which Prometheus accepts from 2.43 on; older servers
# (Debian 12 ships 2.42) drop the whole scrape. For those, a small proxy asks for the classic text format instead.
TARGETS=(127.0.0.1:9080 127.0.0.1:9081 127.0.0.1:9082)
prometheus_version=$(prometheus --version 2>&1 | awk '/^prometheus/ {print $3; exit}')
if [[ $(printf '%s\n' "$prometheus_version" 2.43.0 | sort -V | head -1) != 2.43.0 ]]; then
  command -v python3 >/dev/null || die "Prometheus $prometheus_version needs the text-format proxy, which needs python3"
  say "Prometheus $prometheus_version predates exemplars on _count: scraping through a text-format proxy"
  python3 - <<'PROXY' >"$WORK/proxy.log" 2>&1 &
import http.server, threading, urllib.request
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        upstream = self.server.server_address[1] - 10000
        request = urllib.request.Request(f"http://127.0.0.1:{upstream}{self.path}",
                                         headers={"Accept": "text/plain;version=0.0.4"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
            self.send_response(response.status)
            self.send_header("Content-Type", response.headers["Content-Type"])
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
    def log_message(self, *args):
        pass
for port in (19080, 19081, 19082):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
threading.Event().wait()
PROXY
  PROXY_PID=$!
  TARGETS=(127.0.0.1:19080 127.0.0.1:19081 127.0.0.1:19082)
fi
cat >"$WORK/prometheus.yml" <<CONFIG
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: api-gateway
    metrics_path: /actuator/prometheus
    static_configs: [{targets: ['${TARGETS[0]}']}]
  - job_name: api-enrichment
    metrics_path: /actuator/prometheus
    static_configs: [{targets: ['${TARGETS[1]}']}]
  - job_name: api-generation
    metrics_path: /actuator/prometheus
    static_configs: [{targets: ['${TARGETS[2]}']}]
CONFIG
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!
PROM=http://127.0.0.1:$PROM_PORT
for _ in $(seq 1 60); do curl -sf "$PROM/-/ready" >/dev/null && break; sleep 0.5; done
curl -sf "$PROM/-/ready" >/dev/null || die "Prometheus did not start; see $WORK/prometheus.log"
say "Prometheus on $PROM"
for _ in $(seq 1 30); do
  down=$(curl -s "$PROM/api/v1/targets" | jq -r '[.data.activeTargets[] | select(.health != "up")] | length')
  [[ $down == 0 ]] && break
  sleep 1
done
if [[ $down != 0 ]]; then
  curl -s "$PROM/api/v1/targets" | jq -r '.data.activeTargets[] | "\(.scrapeUrl) \(.health) \(.lastError)"' >&2
  die "Prometheus cannot scrape every service"
fi

# --- load: bounded in count and time, localhost only -------------------------------------------------------------------
trip() {
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$API" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -d "$2" >>"$WORK/load.log" || true
}
load() {
  local cities=(Lisbon Porto Paris Rome Barcelona Amsterdam) end=$((SECONDS + LOAD_SECONDS)) i=0
  while ((SECONDS < end && i < 600)); do
    city=${cities[i % ${#cities[@]}]}
    trip "$KEY" "{\"destination\":\"$city\",\"startDate\":\"2027-05-10\",\"endDate\":\"2027-05-12\",\"travelers\":2,\"interests\":[\"culture\",\"food\"],\"pace\":\"MODERATE\",\"budget\":\"MEDIUM\"}"
    if ((i % 5 == 0)); then
      # A destination nobody knows: the trip ends FAILED (a business failure, not an error).
      trip "$KEY" '{"destination":"Atlantis","startDate":"2027-05-10","endDate":"2027-05-11","travelers":1,"interests":["culture"],"pace":"RELAXED","budget":"LOW"}'
      # An invalid request (400) and one without a valid key (401).
      trip "$KEY" '{"destination":"Lisbon","startDate":"2027-05-12","endDate":"2027-05-10","travelers":2,"interests":["culture"],"pace":"SPRINT","budget":"MEDIUM"}'
      trip wrong-key '{}'
    fi
    curl -s -o /dev/null "$API/00000000-0000-0000-0000-000000000000" -H "Authorization: Bearer $KEY" || true
    i=$((i + 1))
    sleep 0.5
  done
}
say "putting load on the API for ${LOAD_SECONDS} s"
load &
LOAD_PID=$!

# One record no consumer can read: api-enrichment sends it to travel-enrichment.request-dlt and counts it.
printf 'this is not an event\n' | java -cp "$ROOT/embedded-kafka/target/broker-lib/*" org.apache.kafka.tools.ConsoleProducer \
  --bootstrap-server 127.0.0.1:9092 --topic travel-enrichment.request >>"$WORK/producer.log" 2>&1 \
  || say "could not produce the unreadable record (see $WORK/producer.log)"

# Let Prometheus collect enough samples for rate() over 1m windows while the load runs.
sleep $((LOAD_SECONDS * 2 / 3))

# --- evaluate every panel's queries -------------------------------------------------------------------------------------
summary=$WORK/summary.md
{
  echo "| dashboard | panel | query | series | first value |"
  echo "|---|---|---|---|---|"
} >"$summary"
empty=0 total=0
for dashboard in deploy/monitoring/dashboards/*.json; do
  name=$(jq -r .title "$dashboard")
  while IFS=$'\t' read -r title expr; do
    total=$((total + 1))
    query=${expr//\$__rate_interval/1m}
    result=$(curl -s --get "$PROM/api/v1/query" --data-urlencode "query=$query")
    [[ $(jq -r .status <<<"$result") == success ]] || die "query failed: $query: $(jq -r .error <<<"$result")"
    series=$(jq '.data.result | length' <<<"$result")
    first=$(jq -r '.data.result[0].value[1] // "-"' <<<"$result")
    ((series > 0)) || empty=$((empty + 1))
    # shellcheck disable=SC2016 # the backticks are Markdown
    printf '| %s | %s | `%s` | %s | %s |\n' "$name" "$title" "${expr//|/\\|}" "$series" "$first" >>"$summary"
    printf '[verify] %-3s series  %s: %s\n' "$series" "$title" "$query"
  done < <(jq -r '.panels[] | select(.type != "row") | .title as $t | .targets[] | [$t, .expr] | @tsv' "$dashboard")
done

say "load: $(sort "$WORK/load.log" | uniq -c | awk '{printf "%s x %s, ", $1, $2}')"
say "summary in $summary"
((empty == 0)) || die "$empty of $total queries returned no series"
say "PASS: all $total queries returned series"
