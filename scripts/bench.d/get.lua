-- GET of the URL given to wrk, with the bench's bearer token.
dofile(os.getenv("BENCH_D") .. "/report.lua")
