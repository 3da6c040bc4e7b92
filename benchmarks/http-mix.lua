-- wrk script for benchmarks/http-load.sh: each connection walks a list of
-- paths (one per line, from the file named by WAYMARK_PATHS) starting at a
-- random place, and the run ends with one summary line that the shell script
-- collects: percentiles, throughput and every kind of error.
local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(os.getenv("WAYMARK_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
  next_index = math.random(#paths)
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end


function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT p50=%.1f p95=%.1f p99=%.1f max=%.1f rps=%.1f requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, e.status, e.connect, e.read, e.write, e.timeout))
end
