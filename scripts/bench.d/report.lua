-- Shared by the wrk scripts of scripts/bench: the bearer token from $BENCH_TOKEN, optional pacing to a
-- fixed rate and one JSON line of figures written to $BENCH_OUT when the run is done. Latency in ms;
-- ok_rps counts only 2xx/3xx answers.
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

-- Pacing for the fixed-rate runs: $BENCH_RATE requests/s in all, spread over $BENCH_THREADS threads; each
-- thread starts its requests at least 1000 * threads / rate ms apart, whichever connection is free
-- (wrk itself has no fixed-rate mode). Latency is still measured from each request's start.
local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate and rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_usec; } bench_timeval;
    int gettimeofday(bench_timeval *tv, void *tz);
  ]]
  local tv = ffi.new("bench_timeval")
  local interval = 1000 * tonumber(os.getenv("BENCH_THREADS") or "1") / rate
  local next_at = 0
  function delay()
    ffi.C.gettimeofday(tv, nil)
    local now = tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
    next_at = math.max(next_at + interval, now)
    return math.floor(next_at - now)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local f = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  f:write(string.format('{"requests":%d,"seconds":%.2f,"rps":%.1f,"ok_rps":%.1f,"p50_ms":%.2f,"p99_ms":%.2f,'
      .. '"mean_ms":%.2f,"max_ms":%.2f,"non2xx":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds, (summary.requests - e.status) / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000, latency.max / 1000,
    e.status, e.connect + e.read + e.write + e.timeout))
  f:close()
end
