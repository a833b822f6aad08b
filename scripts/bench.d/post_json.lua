-- Shared by the POST benchmarks: JSON POSTs, a numbered thread_id per wrk thread, a seeded random per thread.
dofile(os.getenv("BENCH_D") .. "/report.lua")

counter = 0
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
