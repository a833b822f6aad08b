-- POST /api/lots/{random bench lot}/issues of 1 unit, each with its own Idempotency-Key.
dofile(os.getenv("BENCH_D") .. "/report.lua")

local lot_min = tonumber(os.getenv("BENCH_LOT_MIN"))
local lot_max = tonumber(os.getenv("BENCH_LOT_MAX"))
local run = os.getenv("BENCH_RUN")
local body = '{"quantity":1,"recipientType":"person","recipient":"bench"}'
local counter = 0
local threads = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function init(args)
  math.randomseed(os.time() * 100 + thread_id)
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = run .. "-" .. thread_id .. "-" .. counter
  return wrk.format(nil, "/api/lots/" .. math.random(lot_min, lot_max) .. "/issues", nil, body)
end
