-- wrk script of accept.sh: POST /api/v1/trips with one trip body and the API key, and one machine-readable line at
-- the end: RESULT <requests/s> <p50 ms> <p99 ms> <non-2xx answers> <socket errors> <requests>
wrk.method = "POST"
wrk.path = "/api/v1/trips"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("ITINERA_API_KEY") or "itinera-local-dev-key")
wrk.body = os.getenv("ACCEPT_BODY")

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1000000),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, summary.requests))
end
