-- wrk script of tools/bench-timeline.sh: every request is the timeline query of the
-- benchmark (POST /api, 20 tweets), authenticated as one of the seeded users drawn at
-- random ('Authorization: Bearer bench-token-<id padded to 43 characters>'), and every
-- response is checked: status 200, a "data" member, no "errors" member, a non-empty
-- page. wrk itself only counts non-2xx statuses and socket errors; a GraphQL error
-- comes back as 200, hence the body check.
--
-- Random, not in turn, as pgbench draws its viewer: user i follows i+1 .. i+50, so
-- users in id order read nearly the same tweets one after another, and the database
-- then runs measurably faster from warm CPU caches than for viewers in random order.
--
-- Environment: BENCH_USERS (default 1000) users to draw from; BENCH_REQUEST (default
-- timeline-request.json beside this script) the request body.
-- Prints, from done(): "timeline-check: responses N failures F" and the first failure.

local users = tonumber(os.getenv("BENCH_USERS") or "1000")

local function read_body()
  local path = os.getenv("BENCH_REQUEST")
  if path == nil then
    local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
    path = here .. "timeline-request.json"
  end
  local file = assert(io.open(path, "r"), "cannot open " .. path)
  local text = file:read("*a"):gsub("%s+$", "")
  file:close()
  return text
end

local body = read_body()

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

-- Per thread (each wrk thread runs its own copy of this script).
local requests = {}
responses = 0
failures = 0
first_failure = ""

function init(args)
  -- Requests are built once: formatting one per call would cost the load generator
  -- more than the check does.
  for id = 1, users do
    local token = "bench-token-" .. string.format("%031d", id)
    requests[id] = wrk.format("POST", "/api", {
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
    }, body)
  end
  math.randomseed(os.time() * 1000 + thread_index)
end

function request()
  return requests[math.random(users)]
end

function response(status, headers, text)
  responses = responses + 1
  local ok = status == 200
    and text:find('"data":', 1, true) ~= nil
    and text:find('"errors":', 1, true) == nil
    and text:find('"nodes":[{', 1, true) ~= nil
  if not ok then
    failures = failures + 1
    if first_failure == "" then
      first_failure = "status " .. status .. ": " .. string.sub(text, 1, 300)
    end
  end
end

function done(summary, latency, requests_done)
  local total, failed, first = 0, 0, ""
  for _, thread in ipairs(threads) do
    total = total + thread:get("responses")
    failed = failed + thread:get("failures")
    local f = thread:get("first_failure")
    if first == "" and f ~= nil and f ~= "" then first = f end
  end
  io.write(string.format("timeline-check: responses %d failures %d\n", total, failed))
  if first ~= "" then
    io.write("timeline-check: first failure: " .. first:gsub("\n", " ") .. "\n")
  end
end
