#!/usr/bin/env bash
# Replays, over HTTP, each defect that issue 12 lists under "Why", against a running suite, and prints one line per
# defect: id, the request, the HTTP status(es), the content type, and a verdict with what was seen:
#   DEFECT   the answer shows the defect (the check is written next to each request below)
#   ok       the answer does not show it
#   unclear  the request could not show it either way this time (e.g. the trip ended too soon); says why
#   SKIP     a shell script cannot show it honestly (two replicas, timing, internals, JWT mode); says why
#
#   harness/defects.sh [URL] [API_KEY]        (defaults: $ITINERA_URL or http://127.0.0.1:8080,
#                                               $ITINERA_API_KEY or itinera-local-dev-key)
#
# It does not start a suite: run it against ./run-local.sh (under `flock /work/team/run-local.lock` on a shared
# machine). It creates a few trips and proposals for that key's client. Exit status: 0 when no line says DEFECT, 1
# when one does, 2 when the suite does not answer.
#
# Environment (all optional):
#   DEFECTS_OPEN_TRIPS_CAP  the client's cap on open trips the suite runs with (default 50, the documented default);
#                           the script sends that many POSTs plus two in a burst. Start the suite with a small cap
#                           (--gateway.limits.clients.<client>.open-trips=5) so that the burst outruns the planners.
#   DEFECTS_STREAMS_CAP     the client's cap on live-event streams per replica (default 20); the script holds that
#                           many open on one trip and asks for one more (a small cap, e.g. 1, keeps the trip open
#                           long enough)
#   DEFECTS_COLON_KEY       the API key of a second client whose id is the first client's id followed by ":x" (e.g.
#                           local:x); without it the ':' check is skipped. The gateway of issue 12 refuses such a
#                           client id at start-up, so only a gateway from before it can run this check.
# shellcheck disable=SC2016 # the single-quoted $ are jq's, not the shell's
set -uo pipefail

URL=${1:-${ITINERA_URL:-http://127.0.0.1:8080}}
URL=${URL%/}
KEY=${2:-${ITINERA_API_KEY:-itinera-local-dev-key}}
AUTH="Authorization: Bearer $KEY"
OPEN_TRIPS_CAP=${DEFECTS_OPEN_TRIPS_CAP:-50}
STREAMS_CAP=${DEFECTS_STREAMS_CAP:-20}
COLON_KEY=${DEFECTS_COLON_KEY:-}
RUN=$(date -u +%H%M%S)-$$ # makes this run's Idempotency-Keys its own
T=$(mktemp -d)
BACKGROUND=()
cleanup() {
  local pid
  for pid in "${BACKGROUND[@]}"; do kill "$pid" 2>/dev/null; done
  rm -rf "$T"
}
trap cleanup EXIT

START=$(date -u -d '+30 days' +%F)
END=$(date -u -d '+32 days' +%F)
# A valid trip request: every check changes one thing in it.
BASE=$(printf '{"destination":"Lisbon","startDate":"%s","endDate":"%s","travelers":2,"interests":["culture","food"],"pace":"MODERATE","budget":"MEDIUM"}' "$START" "$END")
BRIEF='{"origin":"Lisbon","month":5,"tripDays":4,"interests":["art","food"],"budget":"MEDIUM"}'

STATUS="" CTYPE="" NOTE=""
DEFECTS=0 OKS=0 UNCLEAR=0 SKIPS=0

# call CURL_ARGS...: one request (retried as the API asks: 429 rate-limited, 409 idempotency-request-in-flight, 503
# with Retry-After); sets STATUS and CTYPE, leaves the body in $T/body and the headers in $T/head. Each retry is noted
# in NOTE, which the next row prints.
call() {
  local attempt pause type
  for attempt in 1 2 3 4 5 6; do
    read -r STATUS CTYPE < <(curl -sS --path-as-is --max-time 20 -o "$T/body" -D "$T/head" \
      -w '%{http_code} %{content_type}\n' "$@" 2>"$T/err" || true)
    STATUS=${STATUS:-000} CTYPE=${CTYPE%%;*}
    type=$(problem_type)
    case "$STATUS $type" in
      "429 /problems/rate-limited" | "409 /problems/idempotency-request-in-flight" | 503\ *) ;;
      *) return 0 ;;
    esac
    [[ $STATUS == 503 && -z $(header Retry-After) ]] && return 0
    ((attempt < 6)) || return 0
    pause=$(header Retry-After)
    [[ $pause =~ ^[0-9]+$ ]] || pause=1
    ((pause > 5)) && pause=5
    NOTE="${NOTE:+$NOTE; }retried after $STATUS${type:+ ${type#/problems/}}"
    sleep "$pause"
  done
}

header() { grep -i "^$1:" "$T/head" 2>/dev/null | tail -1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'; }
problem_type() { jq -r 'if type == "object" then .type // empty else empty end' "$T/body" 2>/dev/null; }
problem_fields() { jq -r '[.errors[]?.field] | unique | join(",")' "$T/body" 2>/dev/null; }

# post_trip BODY [CURL_ARGS...]: POST /api/v1/trips with this client's key.
post_trip() {
  local body=$1
  shift
  call -X POST "$URL/api/v1/trips" -H "$AUTH" -H 'Content-Type: application/json' --data-binary "$body" "$@"
}

# stored JQ_FILTER: after a 202, what the accepted trip holds, read back with GET on its Location.
stored() {
  local location
  location=$(header Location)
  [[ -n $location ]] || { echo "(no Location)"; return; }
  curl -sS --max-time 20 -H "$AUTH" "$URL$location" | jq -c "$1" 2>/dev/null
}

# row ID REQUEST VERDICT WHAT_WAS_SEEN: prints one line with the last call's status and content type (or STATUS and
# CTYPE as the check set them).
row() {
  case $3 in
    DEFECT) DEFECTS=$((DEFECTS + 1)) ;;
    ok) OKS=$((OKS + 1)) ;;
    unclear) UNCLEAR=$((UNCLEAR + 1)) ;;
    SKIP) SKIPS=$((SKIPS + 1)) ;;
  esac
  printf '%-4s %-62s %-11s %-25s %-7s %s\n' "$1" "$2" "${STATUS:--}" "${CTYPE:--}" "$3" "$4${NOTE:+ ($NOTE)}"
  STATUS="" CTYPE="" NOTE=""
}
skip() { STATUS=- CTYPE=-; row "$1" "$2" SKIP "$3"; }

# refused_or_defect ID REQUEST WANT [JQ_FILTER]: the request must be refused with WANT (400, 413, ...) as
# problem+json; a 2xx means the gateway accepted what it should not have (the defect), and the line then shows what
# the accepted trip holds (JQ_FILTER on its GET).
refused_or_defect() {
  local id=$1 request=$2 want=$3 stored_filter=${4:-}
  if [[ $STATUS == 2* ]]; then
    local seen="accepted"
    [[ -n $stored_filter ]] && seen="accepted; stored $(stored "$stored_filter")"
    row "$id" "$request" DEFECT "$seen"
  elif [[ $STATUS == "$want" && $CTYPE == application/problem+json ]]; then
    local fields
    fields=$(problem_fields)
    row "$id" "$request" ok "refused: $(problem_type)${fields:+ [$fields]}"
  else
    row "$id" "$request" unclear "want $want problem+json; body: $(head -c 120 "$T/body" | tr -d '\n')"
  fi
}

say() { printf '%s\n' "$*"; }

# --- preflight --------------------------------------------------------------------------------------------------------
call "$URL/api/v1/trips?limit=1" -H "$AUTH"
if [[ $STATUS != 200 ]]; then
  say "the suite at $URL does not answer GET /api/v1/trips with the key (status $STATUS): is ./run-local.sh running?" >&2
  exit 2
fi
NOTE=""
say "# issue 12's defects replayed over HTTP against $URL, $(date -u '+%Y-%m-%d %H:%M UTC')"
printf '%-4s %-62s %-11s %-25s %-7s %s\n' id request status content-type verdict "what the answer shows"

# --- Authentication checks the raw path, routing uses the decoded one ---------------------------------------------------
# Check: without a key, a URL that decodes to an API path must be refused (400 by a firewall, or 401); anything else
# (500 from a controller that found no client, 404 from a lookup, 200) means it reached the controllers unauthenticated.
for path in '/%61pi/v1/trips/x' '/api;a=b/v1/trips/x'; do
  call "$URL$path"
  id=A1
  [[ $path == *';'* ]] && id=A2
  if [[ $STATUS == 400 || $STATUS == 401 ]]; then
    row "$id" "GET $path, no key" ok "refused before any controller: $(problem_type)"
  else
    row "$id" "GET $path, no key" DEFECT \
      "reached the API without a key: $(jq -r '"\(.type // "") \(.detail // "" | .[0:70])"' "$T/body" 2>/dev/null)"
  fi
done
# Check: the proxied destination search reached through a ';' parameter without a key must not answer 2xx.
call "$URL/api;x/v1/destinations?q=lisbon"
limit=$(header RateLimit-Limit)
if [[ $STATUS == 2* ]]; then
  row A3 "GET /api;x/v1/destinations?q=lisbon, no key" DEFECT \
    "proxied to api-enrichment without a key: $(jq -r '.count // empty' "$T/body" 2>/dev/null) results, RateLimit-Limit ${limit:-absent}"
else
  row A3 "GET /api;x/v1/destinations?q=lisbon, no key" ok "refused: $(problem_type)"
fi
skip A4 "hand-ordered WebFilters instead of Spring Security" "a design defect, not an answer (ADR 0007)"

# --- Idempotency depends on timing ------------------------------------------------------------------------------------
# Check: the same Idempotency-Key with another body must answer 422 (after 409s, if the verdict is not visible yet).
# A single replica on an idle machine makes the first trip readable within the accept wait, so the timing defect may
# not show here: then the line says ok for both builds, and only a loaded saga or two replicas show it.
post_trip "$BASE" -H "Idempotency-Key: defects-$RUN-b1"
first=$STATUS
post_trip "$(jq -c '.travelers = 3' <<<"$BASE")" -H "Idempotency-Key: defects-$RUN-b1"
STATUS="$first,$STATUS"
case $STATUS in
  202,422) row B1 "POST /trips key K body A, then key K body B (one replica)" ok "second refused: $(problem_type)" ;;
  202,202) row B1 "POST /trips key K body A, then key K body B (one replica)" DEFECT "a different body accepted: $(header Location)" ;;
  *) row B1 "POST /trips key K body A, then key K body B (one replica)" unclear "$(problem_type)" ;;
esac
skip B2 "same key on two replicas at once" "needs two replicas (GatewayReplicasIntegrationTests)"
# Check: proposals with a key: the same body again must return the same proposal (Location, Idempotent-Replayed),
# another body 422. A new proposal for the retry, or 202 for another body, is the defect.
call -X POST "$URL/api/v1/proposals" -H "$AUTH" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: defects-$RUN-b3" --data-binary "$BRIEF"
s1=$STATUS loc1=$(header Location)
call -X POST "$URL/api/v1/proposals" -H "$AUTH" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: defects-$RUN-b3" --data-binary "$BRIEF"
s2=$STATUS loc2=$(header Location) replayed=$(header Idempotent-Replayed)
call -X POST "$URL/api/v1/proposals" -H "$AUTH" -H 'Content-Type: application/json' \
  -H "Idempotency-Key: defects-$RUN-b3" --data-binary "$(jq -c '.tripDays = 5' <<<"$BRIEF")"
s3=$STATUS
STATUS="$s1,$s2,$s3"
if [[ $s2 == 202 && $loc1 != "$loc2" ]] || [[ $s3 == 2* ]]; then
  row B3 "POST /proposals key K twice (same body), then body B" DEFECT \
    "retry made another proposal ($loc1 then $loc2); other body: $s3"
elif [[ $s2 == 202 && $loc1 == "$loc2" && $s3 == 422 ]]; then
  row B3 "POST /proposals key K twice (same body), then body B" ok "replayed (Idempotent-Replayed: ${replayed:-absent}); other body: $(problem_type)"
else
  row B3 "POST /proposals key K twice (same body), then body B" unclear "$loc1 / $loc2 / $(problem_type)"
fi
# Check: client "<id>" with key "x:k" and client "<id>:x" with key "k" are two clients with two keys: the second must
# get a trip of its own (202, another Location); a 422 or the first client's trip is the defect.
if [[ -n $COLON_KEY ]]; then
  post_trip "$BASE" -H "Idempotency-Key: x:defects-$RUN-b4"
  s1=$STATUS loc1=$(header Location)
  call -X POST "$URL/api/v1/trips" -H "Authorization: Bearer $COLON_KEY" -H 'Content-Type: application/json' \
    -H "Idempotency-Key: defects-$RUN-b4" --data-binary "$BASE"
  STATUS="$s1,$STATUS"
  loc2=$(header Location)
  if [[ $STATUS == 202,202 && $loc1 != "$loc2" ]]; then
    row B4 "client C key x:K, then client C:x key K (same derived id?)" ok "two trips"
  elif [[ $STATUS == 202,4* || ($STATUS == 202,202 && $loc1 == "$loc2") ]]; then
    row B4 "client C key x:K, then client C:x key K (same derived id?)" DEFECT \
      "the second client's fresh key collides with the first's: $(problem_type)${loc2:+ $loc2}"
  else
    row B4 "client C key x:K, then client C:x key K (same derived id?)" unclear "$(problem_type)"
  fi
else
  skip B4 "client id containing ':'" "no DEFECTS_COLON_KEY (issue 12's gateway refuses such a client id at start-up)"
fi

# --- Work is unbounded ------------------------------------------------------------------------------------------------
skip C1 "listing reads every trip of every client" "internal: the answer is the same either way (TripQueriesTests)"
skip C2 "live-event streams poll their store every 200 ms" "internal: the events are the same either way (SagaTopologyTests)"
# Check: duplicate keys must be refused (400); 202 with the last value stored is the defect.
post_trip "${BASE/\"pace\":\"MODERATE\"/\"pace\":\"RELAXED\",\"pace\":\"PACKED\"}"
refused_or_defect C3 'POST /trips {"pace":"RELAXED","pace":"PACKED",...}' 400 '.request.pace'
# Check: a chunked body between 64 and 256 KB (a valid trip padded with 100 KB of JSON whitespace) must be refused
# with 413, as the same body with a Content-Length is.
{ printf '{'; head -c 102400 /dev/zero | tr '\0' ' '; printf '%s' "${BASE#\{}"; } >"$T/padded.json"
post_trip "@$T/padded.json" -H 'Transfer-Encoding: chunked'
refused_or_defect C4 "POST /trips chunked, 100 KB (valid trip + whitespace)" 413
post_trip "@$T/padded.json" # the same body with a Content-Length: the limit the chunked one may slip past
if [[ $STATUS == 413 ]]; then
  row C4b "  the same 100 KB body with Content-Length (control)" ok "refused: $(problem_type)"
else
  row C4b "  the same 100 KB body with Content-Length (control)" unclear "the limit itself did not hold"
fi
# Check: a mustSee entry of 1,000 characters (under every body limit) must be refused (400).
post_trip "$(jq -c --arg s "$(head -c 1000 /dev/zero | tr '\0' a)" '.mustSee = [$s]' <<<"$BASE")"
refused_or_defect C5 'POST /trips "mustSee":["a" x 1000]' 400 '.request.mustSee[0] | length'
# Check: a start date in year 999,999,999 must be refused (400).
post_trip "$(jq -c '.startDate = "+999999999-01-01" | .endDate = "+999999999-01-02"' <<<"$BASE")"
refused_or_defect C6 'POST /trips "startDate":"+999999999-01-01"' 400 '.request.startDate'

# --- Nothing is ever deleted ------------------------------------------------------------------------------------------
# Check: a trip that ended (here: cancelled) and is DELETEd must then answer 404; a 200 with its request still there
# is the defect.
post_trip "$BASE"
location=$(header Location)
if [[ $STATUS == 202 && -n $location ]]; then
  call -X DELETE "$URL$location" -H "$AUTH"
  first=$STATUS
  for _ in $(seq 1 60); do
    call "$URL$location" -H "$AUTH"
    [[ $(jq -r '.status' "$T/body" 2>/dev/null) =~ ^(READY|FAILED|CANCELLED)$ ]] && break
    sleep 1
  done
  ended=$(jq -r '.status' "$T/body" 2>/dev/null)
  call -X DELETE "$URL$location" -H "$AUTH"
  second=$STATUS second_type=$(problem_type)
  call "$URL$location" -H "$AUTH"
  STATUS="$first,$second,$STATUS"
  if [[ $STATUS == *,404 ]]; then
    row D1 "DELETE a trip; once $ended, DELETE again; then GET" ok "erased: GET answers $(problem_type)"
  elif [[ $STATUS == *,200 ]]; then
    row D1 "DELETE a trip; once $ended, DELETE again; then GET" DEFECT \
      "second DELETE: ${second_type:-$second}; the trip is still served with its request: $(jq -c '.request.destination' "$T/body")"
  else
    row D1 "DELETE a trip; once $ended, DELETE again; then GET" unclear "$(problem_type)"
  fi
else
  row D1 "DELETE a trip that ended, then GET" unclear "could not create the trip: $(problem_type)"
fi
skip D2 "retention: finished trips kept forever; restore time grows" "takes the retention (30 days) to show (SagaTopologyTests)"

# --- JWT mode ---------------------------------------------------------------------------------------------------------
skip E1 "JWT: no audience checked" "needs JWT mode (issuer, audience, signing key), not in run-local's profile"
skip E2 "JWT: a subject equal to an API-key client id reads its trips" "needs JWT mode, as E1"

# --- The OpenAPI document misleads generated clients --------------------------------------------------------------------
call "$URL/v3/api-docs"
doc_status=$STATUS doc_type=$CTYPE
cp "$T/body" "$T/doc.json"
doc() { jq -r "$1" "$T/doc.json" 2>/dev/null; }
docrow() { # docrow ID REQUEST DEFECT_IF_TRUE SEEN
  STATUS=$doc_status CTYPE=$doc_type
  if [[ $3 == true ]]; then row "$1" "$2" DEFECT "$4"; else row "$1" "$2" ok "$4"; fi
}
if [[ $doc_status == 200 ]] && jq -e .paths "$T/doc.json" >/dev/null 2>&1; then
  # Check: POST /trips and POST /proposals document 202 (the server answers 202 + Location).
  for p in trips proposals; do
    codes=$(doc ".paths[\"/api/v1/$p\"].post.responses | keys | join(\",\")")
    id=F1
    [[ $p == proposals ]] && id=F2
    docrow "$id" "GET /v3/api-docs: POST /api/v1/$p statuses" "$([[ ,$codes, != *,202,* ]] && echo true)" "documented: $codes"
  done
  # Check: errors are documented, with a problem schema (some 4xx of POST /trips as application/problem+json).
  problems=$(doc '[.paths["/api/v1/trips"].post.responses | to_entries[] | select(.key | test("^[45]"))
                   | select(.value.content["application/problem+json"] != null) | .key] | join(",")')
  docrow F3 "GET /v3/api-docs: POST /api/v1/trips error responses" "$([[ -z $problems ]] && echo true)" \
    "problem+json for: ${problems:-none}"
  # Check: live events are a text/event-stream with a typed event, not an array of empty objects.
  events=$(doc '.paths["/api/v1/trips/{id}/events"].get.responses["200"].content as $c
               | if $c["text/event-stream"] == null then "no text/event-stream"
                 elif $c["text/event-stream"].schema.type == "array" then "array of \($c["text/event-stream"].schema.items | tostring)"
                 else "text/event-stream, data \($c["text/event-stream"]["x-event-data"]["$ref"] // "untyped")" end')
  docrow F4 "GET /v3/api-docs: GET /trips/{id}/events answer" "$([[ $events == array* || $events == no* || $events == *untyped ]] && echo true)" "$events"
  # Check: the trip list's links schema has "next" and is not the trip's links schema.
  links=$(doc 'def ref($s): [$s | .. | objects | select(has("$ref")) | ."$ref"][0] // "" | split("/") | last;
               (ref(.paths["/api/v1/trips"].get.responses["200"].content["application/json"].schema)) as $page
               | (ref(.components.schemas[$page].properties.links)) as $pl
               | (ref(.paths["/api/v1/trips/{id}"].get.responses["200"].content["application/json"].schema)) as $trip
               | (ref(.components.schemas[$trip].properties.links)) as $tl
               | "page links \($pl) \(.components.schemas[$pl].properties // {} | keys), trip links \($tl)"')
  docrow F5 "GET /v3/api-docs: the trip list's links" "$([[ $links != *'"next"'* || $links =~ page\ links\ ([^ ]+)\ .*trip\ links\ \1$ ]] && echo true)" "$links"
  # Check: destination search is typed (q a string, the answer a schema) and GET /destinations/{id} is documented.
  search=$(doc '.paths["/api/v1/destinations"].get | "q: \((.parameters[]? | select(.name == "q") | .schema.type) // "untyped"), answer: \(.responses["200"].content[]?.schema["$ref"] // "untyped")"')
  docrow F6 "GET /v3/api-docs: GET /destinations search" "$([[ $search == *untyped* ]] && echo true)" "$search"
  has_one=$(doc '.paths | has("/api/v1/destinations/{id}")')
  call "$URL/api/v1/destinations/lisbon" -H "$AUTH"
  served=$STATUS
  docrow F7 "GET /v3/api-docs: GET /destinations/{id}" "$([[ $has_one != true ]] && echo true)" \
    "documented: $has_one (GET /api/v1/destinations/lisbon answers $served)"
  # Check: the trip's schema marks what is always present as required.
  required=$(doc 'def ref($s): [$s | .. | objects | select(has("$ref")) | ."$ref"][0] // "" | split("/") | last;
                  ref(.paths["/api/v1/trips/{id}"].get.responses["200"].content["application/json"].schema) as $t
                  | "\($t) required: \(.components.schemas[$t].required // [] | join(","))"')
  docrow F8 "GET /v3/api-docs: required fields of a trip" "$([[ $required == *'required: ' ]] && echo true)" "$required"
  # Check: the request's constraints match validation: destination minLength >= 1, interests minItems >= 1.
  constraints=$(doc 'def ref($s): [$s | .. | objects | select(has("$ref")) | ."$ref"][0] // "" | split("/") | last;
                     ref(.paths["/api/v1/trips"].post.requestBody.content["application/json"].schema) as $b
                     | .components.schemas[$b].properties as $p
                     | "destination minLength \($p.destination.minLength // 0), interests minItems \($p.interests.minItems // 0)"')
  docrow F9 "GET /v3/api-docs: POST /trips request constraints" "$([[ $constraints == *' 0'* ]] && echo true)" "$constraints"
  # Check: operation ids are unique and none is a numbered duplicate (create1, get1).
  ids=$(doc '[.paths[][] | objects | .operationId // empty] | (group_by(.) | map(select(length > 1) | .[0])) as $dup
             | [.[] | select(test("[0-9]$"))] as $num | "duplicates: \($dup | join(",")); numbered: \($num | join(","))"')
  docrow F10 "GET /v3/api-docs: operation ids" "$([[ $ids != 'duplicates: ; numbered: ' ]] && echo true)" "$ids"
else
  row F1 "GET /v3/api-docs" unclear "no OpenAPI document"
fi

# --- Wrong input silently becomes another trip --------------------------------------------------------------------------
# Check for each: the request must be refused (400); 202 is the defect, and the line shows what the trip then holds.
post_trip "$(jq -c '.pace = 1' <<<"$BASE")"
refused_or_defect G1 'POST /trips "pace":1' 400 '.request.pace'
post_trip "$(jq -c '.interests = [0, 9]' <<<"$BASE")"
refused_or_defect G2 'POST /trips "interests":[0,9]' 400 '.request.interests'
post_trip "$(jq -c '.travelers = 2.7' <<<"$BASE")"
refused_or_defect G3 'POST /trips "travelers":2.7' 400 '.request.travelers'
post_trip "$(jq -c '.destination = true' <<<"$BASE")"
refused_or_defect G4 'POST /trips "destination":true' 400 '.request.destination'
post_trip "$(jq -c '.destinationId = "porto"' <<<"$BASE")"
refused_or_defect G5 'POST /trips "destination":"Lisbon","destinationId":"porto"' 400 '.request | [.destination, .destinationId]'
post_trip "$(jq -c '.destination = "Lis\u0000bon"' <<<"$BASE")"
refused_or_defect G6 'POST /trips "destination":"Lis\u0000bon" (NUL)' 400 '.request.destination'
post_trip "$(jq -c '.destination = "\u202eLisbon"' <<<"$BASE")"
refused_or_defect G7 'POST /trips "destination":"\u202eLisbon" (RLO)' 400 '.request.destination | explode[0] | if . == 8238 then "U+202E first" else . end'
# Check: two Authorization headers (the valid key first, then a wrong one) must be refused (400); 200 is the defect.
call "$URL/api/v1/trips?limit=1" -H "$AUTH" -H 'Authorization: Bearer not-a-key'
if [[ $STATUS == 200 ]]; then
  row G8 "GET /trips with two Authorization headers (key, then wrong)" DEFECT "authenticated as the first"
elif [[ $STATUS == 400 ]]; then
  row G8 "GET /trips with two Authorization headers (key, then wrong)" ok "refused: $(problem_type)"
else
  row G8 "GET /trips with two Authorization headers (key, then wrong)" unclear "$(problem_type)"
fi
# Check: what the HTTP codec refuses (request line over 4 KB: 414; headers over 8 KB: 431; a malformed header: 400)
# must still be a problem+json body; an empty or other body is the defect.
codec_row() { # codec_row ID REQUEST WANT
  if [[ $STATUS == "$3" && $CTYPE == application/problem+json && -s $T/body ]]; then
    row "$1" "$2" ok "problem: $(problem_type)"
  elif [[ $STATUS == "$3" ]]; then
    row "$1" "$2" DEFECT "not a problem: $(wc -c <"$T/body") body bytes"
  else
    row "$1" "$2" unclear "want $3 from the codec"
  fi
}
call "$URL/api/v1/trips?pad=$(head -c 5000 /dev/zero | tr '\0' a)" -H "$AUTH"
codec_row G9 "GET /trips?pad=<5,000 characters> (request line > 4 KB)" 414
call "$URL/api/v1/trips?limit=1" -H "$AUTH" -H "X-Pad: $(head -c 9000 /dev/zero | tr '\0' a)"
codec_row G10 "GET /trips with a 9,000-character header (> 8 KB)" 431
# A header name with a space: curl will not send one, so bash writes the request itself (http:// URLs only).
hostport=${URL#http://}
hostport=${hostport%%/*}
host=${hostport%%:*} port=${hostport##*:}
[[ $port == "$hostport" ]] && port=80
if [[ $URL == http://* ]] && exec 3<>"/dev/tcp/$host/$port"; then
  printf 'GET /api/v1/trips?limit=1 HTTP/1.1\r\nHost: %s\r\n%s\r\nBad Header: x\r\nConnection: close\r\n\r\n' \
    "$hostport" "$AUTH" >&3
  timeout 10 cat <&3 >"$T/raw" || true
  exec 3>&- 3<&-
  STATUS=$(head -1 "$T/raw" | awk '{print $2}')
  CTYPE=$(grep -i '^content-type:' "$T/raw" | head -1 | cut -d: -f2- | tr -d '\r ' | cut -d';' -f1)
  sed '1,/^\r*$/d' "$T/raw" >"$T/body"
  codec_row G11 "GET /trips with a header 'Bad Header: x' (raw bytes)" 400
else
  skip G11 "a malformed header" "needs an http:// URL"
fi

# --- Caps on what one client holds open (last: they fill the client's caps) ---------------------------------------------
# Check: with STREAMS_CAP streams open on a trip, one more must answer 429; a 200 stream while the others are still
# open is the defect. (Unclear when the trip ends, and its streams with it, before the extra one is asked for.)
# A long trip (21 days, eight interests) keeps the planner busy a little longer.
post_trip "$(jq -c --arg e "$(date -u -d '+50 days' +%F)" '.endDate = $e | .pace = "PACKED"
                 | .interests = ["architecture","art","culture","food","history","nature","religion","viewpoints"]' <<<"$BASE")"
location=$(header Location)
if [[ $STATUS == 202 && -n $location ]]; then
  streams=()
  for i in $(seq 1 "$STREAMS_CAP"); do
    curl -sS -N --max-time 15 -o "$T/stream$i" -D "$T/stream$i.head" -H "$AUTH" -H 'Accept: text/event-stream' \
      "$URL$location/events" 2>/dev/null &
    streams+=($!)
    BACKGROUND+=($!)
  done
  for _ in $(seq 1 20); do # until every stream has its headers
    [[ $(cat "$T"/stream*.head 2>/dev/null | grep -c '^HTTP/') -ge $STREAMS_CAP ]] && break
    sleep 0.1
  done
  # The extra stream runs in the background too: a served one stays open, so its answer is its headers, and how
  # many of the others are open is counted the moment they arrive.
  curl -sS -N --max-time 3 -o "$T/body" -D "$T/head" -H "$AUTH" -H 'Accept: text/event-stream' \
    "$URL$location/events" 2>/dev/null &
  extra=$!
  BACKGROUND+=($!)
  for _ in $(seq 1 30); do
    grep -q '^HTTP/' "$T/head" 2>/dev/null && break
    sleep 0.1
  done
  open=0
  for pid in "${streams[@]}"; do kill -0 "$pid" 2>/dev/null && open=$((open + 1)); done
  wait "$extra" 2>/dev/null
  STATUS=$(grep '^HTTP/' "$T/head" 2>/dev/null | tail -1 | awk '{print $2}')
  CTYPE=$(header Content-Type)
  CTYPE=${CTYPE%%;*}
  if [[ $STATUS == 429 ]]; then
    row C7 "$STREAMS_CAP live-event streams open on a trip, then one more" ok "refused: $(problem_type)"
  elif [[ $STATUS == 200 && $open == "$STREAMS_CAP" ]]; then
    row C7 "$STREAMS_CAP live-event streams open on a trip, then one more" DEFECT "one more stream served while $open were open"
  else
    row C7 "$STREAMS_CAP live-event streams open on a trip, then one more" unclear "$open of $STREAMS_CAP still open (the trip ended)"
  fi
  for pid in "${streams[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
else
  row C7 "live-event streams beyond the cap" unclear "could not create the trip: $(problem_type)"
fi
# Check: a concurrent burst of cap + 2 new trips must meet 429 too-many-open-trips. The defect is shown only when
# every one is accepted and the client's listing right after shows more than the cap open at once; when the planners
# finished trips as fast as they arrived, the line says unclear (see DEFECTS_OPEN_TRIPS_CAP).
burst=()
for i in $(seq 1 $((OPEN_TRIPS_CAP + 2))); do
  curl -sS --max-time 20 -o "$T/burst$i" -w '%{http_code}\n' -X POST "$URL/api/v1/trips" -H "$AUTH" \
    -H 'Content-Type: application/json' --data-binary "$BASE" >"$T/burst$i.code" 2>/dev/null &
  burst+=($!)
  BACKGROUND+=($!)
done
wait "${burst[@]}" 2>/dev/null
accepted=0 refused=0 other=""
for i in $(seq 1 $((OPEN_TRIPS_CAP + 2))); do
  code=$(cat "$T/burst$i.code" 2>/dev/null)
  case "$code $(jq -r 'if type == "object" then .type // empty else empty end' "$T/burst$i" 2>/dev/null)" in
    202*) accepted=$((accepted + 1)) ;;
    "429 /problems/too-many-open-trips") refused=$((refused + 1)) ;;
    *) other+="$code " ;;
  esac
done
call "$URL/api/v1/trips?limit=100" -H "$AUTH"
open=$(jq '[.data[]? | select(.status | test("^(PENDING|ENRICHING|GENERATING)$"))] | length' "$T/body" 2>/dev/null)
STATUS="202x$accepted" CTYPE=-
((refused)) && STATUS+=",429x$refused"
request="$((OPEN_TRIPS_CAP + 2)) concurrent POST /trips (open-trip cap $OPEN_TRIPS_CAP)"
if ((refused)); then
  row C8 "$request" ok "capped: $refused refused as too-many-open-trips${other:+; other: $other}"
elif ((accepted == OPEN_TRIPS_CAP + 2 && ${open:-0} > OPEN_TRIPS_CAP)); then
  row C8 "$request" DEFECT "every one accepted; $open of the client's trips open at once"
elif ((accepted == OPEN_TRIPS_CAP + 2)); then
  row C8 "$request" unclear "every one accepted, but only ${open:-?} open when listed: the planners kept up"
else
  row C8 "$request" unclear "other answers: $other"
fi

say "# $DEFECTS DEFECT, $OKS ok, $UNCLEAR unclear, $SKIPS SKIP"
((DEFECTS == 0))
