-- POST /api/checkpoints/{random bench point}/readings: shallow depths (below the watch level, so no
-- alert storm) with measuredAt unique across threads, counting up from $BENCH_T0 (epoch seconds).
dofile(os.getenv("BENCH_D") .. "/post_json.lua")

local cp_min = tonumber(os.getenv("BENCH_CP_MIN"))
local cp_max = tonumber(os.getenv("BENCH_CP_MAX"))
local t0 = tonumber(os.getenv("BENCH_T0"))

function request()
  counter = counter + 1
  local ms = counter * 16 + thread_id
  local at = os.date("!%Y-%m-%dT%H:%M:%S", t0 + math.floor(ms / 1000)) .. string.format(".%03dZ", ms % 1000)
  local body = string.format('{"value":%.1f,"measuredAt":"%s"}', math.random(0, 80) / 10, at)
  return wrk.format(nil, "/api/checkpoints/" .. math.random(cp_min, cp_max) .. "/readings", nil, body)
end
