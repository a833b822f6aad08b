-- GET of the URL given to wrk, with the bench's bearer token; with $BENCH_IF_NONE_MATCH set, as a browser's
-- revalidation of a cached copy (If-None-Match: that ETag; the answer is 304 while the data is unchanged).
dofile(os.getenv("BENCH_D") .. "/report.lua")
local etag = os.getenv("BENCH_IF_NONE_MATCH")
if etag and etag ~= "" then
  wrk.headers["If-None-Match"] = etag
end
-- with $BENCH_ACCEPT_ENCODING set, as a browser asks (Accept-Encoding: gzip, deflate, br): the answer's bytes
-- are read as sent, not decompressed
local encoding = os.getenv("BENCH_ACCEPT_ENCODING")
if encoding and encoding ~= "" then
  wrk.headers["Accept-Encoding"] = encoding
end
