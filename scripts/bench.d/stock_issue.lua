-- POST /api/lots/{random bench lot}/issues of 1 unit, each with its own Idempotency-Key.
dofile(os.getenv("BENCH_D") .. "/post_json.lua")

local lot_min = tonumber(os.getenv("BENCH_LOT_MIN"))
local lot_max = tonumber(os.getenv("BENCH_LOT_MAX"))
local run = os.getenv("BENCH_RUN")
local body = '{"quantity":1,"recipientType":"person","recipient":"bench"}'

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = run .. "-" .. thread_id .. "-" .. counter
  return wrk.format(nil, "/api/lots/" .. math.random(lot_min, lot_max) .. "/issues", nil, body)
end
