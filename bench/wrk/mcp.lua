-- wrk script: POSTs MCP JSON-RPC requests to a stateless Streamable HTTP endpoint and counts failures.
--
--   MCP_OP=call (default)  tools/call  $MCP_TOOL (greet_user) with arguments $MCP_ARGS ({"name":"Ada"})
--   MCP_OP=read            resources/read $MCP_URI (ui://widget/greeting.html)
--   MCP_PROTOCOL_VERSION   sent as MCP-Protocol-Version when set
--   MCP_BEARER             an access token, sent as Authorization: Bearer when set
--
-- A response counts as an error when its status is not 200 or its body contains "error" or "isError":true
-- (the SSE framing of the body does not matter). wrk itself always exits 0, so done() prints the counts as
-- "mcp: N ok, M errors (...)" and exits 1 on any error. Socket errors and timeouts are wrk's own and are
-- reported by wrk; done() counts them too.

local op = os.getenv("MCP_OP") or "call"
local tool = os.getenv("MCP_TOOL") or "greet_user"
local args = os.getenv("MCP_ARGS") or '{"name":"Ada"}'
local uri = os.getenv("MCP_URI") or "ui://widget/greeting.html"
local protocol = os.getenv("MCP_PROTOCOL_VERSION")
local bearer = os.getenv("MCP_BEARER")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(argv)
  ok, bad_status, bad_body, id = 0, 0, 0, 0
  first_failure = ""
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json, text/event-stream"
  if protocol and protocol ~= "" then
    wrk.headers["MCP-Protocol-Version"] = protocol
  end
  if bearer and bearer ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. bearer
  end
  if op == "call" then
    body_prefix = '{"jsonrpc":"2.0","method":"tools/call","params":{"name":"' .. tool .. '","arguments":' .. args .. '},"id":'
  elseif op == "read" then
    body_prefix = '{"jsonrpc":"2.0","method":"resources/read","params":{"uri":"' .. uri .. '"},"id":'
  else
    error("MCP_OP must be call or read, not " .. op)
  end
end

function request()
  id = id + 1
  return wrk.format(nil, nil, nil, body_prefix .. id .. "}")
end

function response(status, headers, body)
  if status ~= 200 then
    bad_status = bad_status + 1
  elseif body:find('"error"', 1, true) or body:find('"isError":true', 1, true) then
    bad_body = bad_body + 1
  else
    ok = ok + 1
    return
  end
  if first_failure == "" then
    first_failure = status .. " " .. (body or ""):sub(1, 300):gsub("%s+", " ")
  end
end

function done(summary, latency, requests)
  local total_ok, total_status, total_body, sample = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_status = total_status + t:get("bad_status")
    total_body = total_body + t:get("bad_body")
    if sample == "" then sample = t:get("first_failure") or "" end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local errors = total_status + total_body + socket
  io.write(string.format("mcp: %d ok, %d errors (%d non-200, %d error bodies, %d socket: connect %d read %d write %d timeout %d)\n",
    total_ok, errors, total_status, total_body, socket, e.connect, e.read, e.write, e.timeout))
  io.write(string.format("mcp-summary: requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d errors=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, errors))
  if sample ~= "" then io.write("mcp: first failure: " .. sample .. "\n") end
  if errors > 0 then os.exit(1) end
end
