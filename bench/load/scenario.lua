-- One wrk scenario for bench/load.sh.
-- wrk -s scenario.lua URL -- METHOD PATHS_FILE [BODY_FILE]
--   METHOD      GET or POST
--   PATHS_FILE  one request path per line; requests go round the list (spreads writes over several patients)
--   BODY_FILE   the request body (sent as application/json), for POST
-- Credentials come from wrk's -H (Authorization or Cookie). Prints one machine-readable RESULT line at the end.

local threads = {}

-- KNEESPINE_WRK_PACE_MS=MS: before each request a connection waits a random time, MS milliseconds on average
-- (exponentially distributed, like independent clients thinking between requests; a fixed wait would keep all
-- connections in step and send them in bursts). Read when the script loads, because wrk decides then whether it has a
-- delay() at all; without it every connection sends its next request as soon as the answer arrives.
local pace_ms = tonumber(os.getenv("KNEESPINE_WRK_PACE_MS") or "")
if pace_ms and pace_ms > 0 then
  function delay()
    return math.floor(-math.log(1 - math.random()) * pace_ms + 0.5)
  end
end

function setup(thread)
  table.insert(threads, thread)
end

local function read_all(name)
  local file = assert(io.open(name, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  -- Each thread its own sequence of waits.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  local method, paths_file, body_file = args[1], args[2], args[3]
  local body = nil
  if body_file then
    body = read_all(body_file)
    wrk.headers["Content-Type"] = "application/json"
  end
  requests = {}
  for path in io.lines(paths_file) do
    if path ~= "" then
      table.insert(requests, wrk.format(method, path, nil, body))
    end
  end
  assert(#requests > 0, "no paths in " .. paths_file)
  next_request = 0
  -- Answers outside 200-299 (wrk itself counts only >= 400, so a 302 to the sign-in page would pass as success).
  non2xx = 0
  last_bad = 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    last_bad = status
  end
end

function done(summary, latency, requests)
  local bad, status = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    local last = thread:get("last_bad")
    if last ~= 0 then status = last end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d connect=%d read=%d write=%d timeout=%d non2xx=%d last_bad_status=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.timeout, bad, status))
end
