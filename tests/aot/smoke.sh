#!/usr/bin/env bash
# Publishes the Hello sample with Native AOT (warnings are errors) and checks that the binary starts and serves
# tools/list, tools/call and resources/read: an AOT binary can fail at start-up even when its publish was clean.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$(mktemp -d)"
log="$(mktemp)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$out" "$log"' EXIT

dotnet publish "$root/samples/Hello" -c Release -r linux-x64 -p:PublishAot=true -warnaserror -nologo -v quiet -o "$out"

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
# exec, so $! is the server itself and the exit trap stops it rather than only the subshell.
# Widget generations go to the temporary folder, not the user's profile.
(cd "$out" && ASPNETCORE_ENVIRONMENT=Production Inlay__PublicUrl="http://127.0.0.1:$port" Inlay__Widgets__GenerationsPath="$out/generations" \
  exec ./Hello --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
pid=$!

post() {
  curl -s --max-time 5 "http://127.0.0.1:$port/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -d "$1"
}
for _ in $(seq 1 100); do
  if post '{"jsonrpc":"2.0","id":0,"method":"ping"}' >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "The AOT binary exited at start-up:" >&2; cat "$log" >&2; exit 1; fi
  sleep 0.1
done

expect() {
  local what="$1" body="$2" needle="$3"
  if [[ "$body" != *"$needle"* ]]; then
    echo "AOT smoke test: $what did not contain $needle; got: ${body:0:400}" >&2
    cat "$log" >&2
    exit 1
  fi
  echo "ok - $what"
}
expect "tools/list" "$(post '{"jsonrpc":"2.0","id":1,"method":"tools/list"}')" '"openai/outputTemplate":"ui://widget/greeting.html?v='
expect "tools/call" "$(post '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"greet_user","arguments":{"name":"Ada"}}}')" '"message":"Hello, Ada!"'
expect "tools/call with bad arguments" "$(post '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"greet_user","arguments":{}}}')" "Missing required argument"
expect "resources/read" "$(post '{"jsonrpc":"2.0","id":4,"method":"resources/read","params":{"uri":"ui://widget/greeting.html"}}')" 'text/html;profile=mcp-app'
