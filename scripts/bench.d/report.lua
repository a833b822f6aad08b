-- Shared by the wrk scripts of scripts/bench: the bearer token from $BENCH_TOKEN, an optional pause
-- between requests ($BENCH_DELAY_MS, for the fixed-rate runs) and one JSON line of figures written
-- to $BENCH_OUT when the run is done. Latency in ms; ok_rps counts only 2xx/3xx answers.
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pause and pause > 0 then
  function delay()
    return pause
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
