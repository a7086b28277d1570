#!/usr/bin/env bash
# Scale-out check: several stateless Board instances behind nginx, sharing one PostgreSQL, all on 127.0.0.1, with
# sign-in on: the AuthServer sample issues alice's and bob's tokens, every instance validates them against its JWKS
# (fetched once, then cached: the AuthServer is stopped before the load starts). Calls spread across the instances;
# one instance is killed with SIGKILL under load; afterwards no request fails, every add_task the server acknowledged
# is in PostgreSQL, and each task belongs to the person who added it.
#
#   bash deploy/scaleout/run.sh                       builds samples/Board (Release), then runs the check (~1 min)
#   SCALEOUT_NO_BUILD=1 bash deploy/scaleout/run.sh   uses the existing Release builds (test.sh builds the solution first)
#
# Knobs: SCALEOUT_INSTANCES=3, SCALEOUT_BEFORE_KILL=5 and SCALEOUT_AFTER_KILL=6 (seconds of load),
# SCALEOUT_WRITERS=6, SCALEOUT_READERS=4, SCALEOUT_KEEP=1 keeps the work folder (logs, nginx.conf, results).
# Needs Debian's nginx and postgresql packages (test.sh installs them: .ci/prerequisites.sh), Node.js, curl and psql.
# Every process it starts (PostgreSQL, the instances, nginx) is stopped on exit, failure or Ctrl-C included.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/deploy/scaleout
INSTANCES=${SCALEOUT_INSTANCES:-3}
BEFORE=${SCALEOUT_BEFORE_KILL:-5}
AFTER=${SCALEOUT_AFTER_KILL:-6}
WRITERS=${SCALEOUT_WRITERS:-6}
READERS=${SCALEOUT_READERS:-4}
BOARD=$ROOT/samples/Board/bin/Release/net10.0
AUTH=$ROOT/samples/AuthServer/bin/Release/net10.0

say() { printf '== %s\n' "$*"; }
fail() { printf 'scaleout: %s\n' "$*" >&2; exit 1; }

for tool in nginx node curl psql dotnet; do
  command -v "$tool" >/dev/null || fail "missing $tool (Debian: apt-get install nginx postgresql curl)"
done
PG_BIN=$(find /usr/lib/postgresql -maxdepth 3 -name initdb -path '*/bin/*' 2>/dev/null | sort -V | tail -1 | xargs -r dirname)
[[ -n $PG_BIN ]] || fail "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)"

if [[ ${SCALEOUT_NO_BUILD:-0} != 1 ]]; then
  say "dotnet build samples/Board samples/AuthServer -c Release"
  nice dotnet build "$ROOT/samples/Board" -c Release -warnaserror -v:q -nologo >/dev/null
  nice dotnet build "$ROOT/samples/AuthServer" -c Release -warnaserror -v:q -nologo >/dev/null
fi
[[ -f $BOARD/Board.dll ]] || fail "no build at $BOARD; run without SCALEOUT_NO_BUILD"
[[ -f $AUTH/AuthServer.dll ]] || fail "no build at $AUTH; run without SCALEOUT_NO_BUILD"

WORK=$(mktemp -d /tmp/inlay-scaleout.XXXXXX)
chmod 755 "$WORK" # nginx's workers and PostgreSQL run as other users when this runs as root
PIDS=()           # instances and nginx, in start order
PG_STARTED=0

# PostgreSQL refuses to run as root; as root the cluster belongs to the package's postgres user.
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  if ((rc != 0)); then
    for log in "$WORK"/instance-*.log "$WORK/nginx/error.log"; do
      [[ -s $log ]] && { echo "--- tail of $log" >&2; tail -15 "$log" >&2; }
    done
  fi
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in {1..50}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if ((PG_STARTED)); then as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate -w stop >/dev/null 2>&1 || true; fi
  if [[ ${SCALEOUT_KEEP:-0} == 1 ]]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Free loopback ports, chosen by the kernel (a port could be taken between here and its use; then start-up fails loudly).
mapfile -t PORTS < <(node -e '
  const net = require("net"); const n = Number(process.argv[1]); const servers = [];
  (async () => {
    for (let i = 0; i < n; i++) servers.push(await new Promise((ok) => { const s = net.createServer().listen(0, "127.0.0.1", () => ok(s)); }));
    for (const s of servers) { console.log(s.address().port); s.close(); }
  })();' $((INSTANCES + 3)))
PG_PORT=${PORTS[0]}
NGINX_PORT=${PORTS[1]}
AUTH_PORT=${PORTS[2]}
INSTANCE_PORTS=("${PORTS[@]:3}")

say "PostgreSQL on 127.0.0.1:$PG_PORT ($PG_BIN)"
mkdir "$WORK/pg"
[[ $(id -u) == 0 ]] && chown postgres:postgres "$WORK/pg"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust --no-sync -E UTF8 --locale=C >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; fail "initdb failed"; }
PG_STARTED=1
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg/server.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pg -c fsync=on -c max_connections=200" start >/dev/null \
  || { cat "$WORK/pg/server.log" >&2; fail "PostgreSQL did not start"; }
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE board" >/dev/null
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=board;Timeout=15"

say "AuthServer sample on 127.0.0.1:$AUTH_PORT (Development: its two demo users)"
mkdir "$WORK/auth"
(cd "$AUTH" && exec env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  AuthServer__SqlitePath="$WORK/auth/authserver.db" AuthServer__KeysPath="$WORK/auth/keys" \
  dotnet AuthServer.dll --urls "http://127.0.0.1:$AUTH_PORT") >"$WORK/authserver.log" 2>&1 &
AUTH_PID=$!
PIDS+=("$AUTH_PID")
disown "$AUTH_PID"

INSTANCE_PIDS=()
say "$INSTANCES Board instances on 127.0.0.1:${INSTANCE_PORTS[*]} (prebuilt $BOARD), started together, sign-in on"
for port in "${INSTANCE_PORTS[@]}"; do
  (cd "$BOARD" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    ConnectionStrings__Board="$CONNECTION" Inlay__PublicUrl="http://127.0.0.1:$NGINX_PORT" \
    Auth__Authority="http://127.0.0.1:$AUTH_PORT" Inlay__Widgets__GenerationsPath="$WORK/generations-$port" \
    dotnet Board.dll --urls "http://127.0.0.1:$port") >"$WORK/instance-$port.log" 2>&1 &
  PIDS+=("$!")
  INSTANCE_PIDS+=("$!")
  disown "$!" # the SIGKILL below is intended; keep bash from reporting it
done
wait_healthy() { # url pid what
  for _ in {1..600}; do
    [[ -n $2 ]] && ! kill -0 "$2" 2>/dev/null && fail "$3 exited during start-up"
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true) == 200 ]] && return 0
    sleep 0.1
  done
  fail "$3 was not healthy at $1 within 60 s"
}
mcp_post() { # port body [token] -> fails unless the response carries a result
  curl -s --max-time 30 "http://127.0.0.1:$1/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' ${3:+-H "Authorization: Bearer $3"} -d "$2" | grep -q '"result"'
}

say "nginx on 127.0.0.1:$NGINX_PORT"
mkdir -p "$WORK/nginx/tmp"
upstreams=$(printf '        server 127.0.0.1:%s max_fails=1 fail_timeout=5s;\n' "${INSTANCE_PORTS[@]}")
sed -e "s|@PREFIX@|$WORK/nginx|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@WORKER_PROCESSES@|1|" \
  -e "s|@ACCESS_LOG@|$WORK/nginx/access.log upstream|" "$HERE/nginx.conf.template" \
  | awk -v servers="$upstreams" '$1 == "@UPSTREAM_SERVERS@" { print servers; next } { print }' >"$WORK/nginx/nginx.conf"
nginx -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" 2>"$WORK/nginx/config-test.log" \
  || { cat "$WORK/nginx/config-test.log" >&2; fail "nginx refused the generated configuration"; }
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>>"$WORK/nginx/error.log" &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
for i in "${!INSTANCE_PORTS[@]}"; do
  wait_healthy "http://127.0.0.1:${INSTANCE_PORTS[$i]}/health" "${INSTANCE_PIDS[$i]}" "instance ${INSTANCE_PORTS[$i]}"
done
wait_healthy "http://127.0.0.1:$NGINX_PORT/health" "$NGINX_PID" "nginx"
wait_healthy "http://127.0.0.1:$AUTH_PORT/.well-known/openid-configuration" "$AUTH_PID" "the AuthServer"

say "alice and bob sign in through nginx (metadata, DCR, PKCE, token for http://127.0.0.1:$NGINX_PORT/mcp)"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/mcp" -H 'Content-Type: application/json' \
  -H 'Accept: application/json, text/event-stream' -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}')
[[ $status == 401 ]] || fail "a call without a token answered $status, not 401"
for person in alice bob; do
  node "$ROOT/samples/AuthServer/sign-in.mjs" --resource "http://127.0.0.1:$NGINX_PORT/mcp" --email "$person@example.com" \
    --password 'Pass123$' --scope board >"$WORK/token-$person.json" || fail "$person could not sign in"
done
node -e 'console.log(JSON.stringify(process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")).access_token)))' \
  "$WORK/token-alice.json" "$WORK/token-bob.json" >"$WORK/tokens.json"
ALICE=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).access_token)' "$WORK/token-alice.json")

for i in "${!INSTANCE_PORTS[@]}"; do
  port=${INSTANCE_PORTS[$i]}
  # First calls compile their code paths and fetch the AuthServer's signing keys; make them here, not in the load.
  for body in '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' \
    '{"jsonrpc":"2.0","id":2,"method":"resources/read","params":{"uri":"ui://widget/board.html"}}' \
    '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"show_board","arguments":{}}}'; do
    mcp_post "$port" "$body" "$ALICE" || fail "instance $port did not answer $body"
  done
done

say "AuthServer stopped: from here on the instances validate tokens with the signing keys they cached"
kill -TERM "$AUTH_PID"
wait_stopped() { for _ in {1..100}; do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done; kill -KILL "$1" 2>/dev/null || true; }
wait_stopped "$AUTH_PID"

KILLED=0 # the first instance dies
say "load through nginx: $WRITERS writers, $READERS retry-safe readers; after ${BEFORE} s (and 20 answers from each instance) SIGKILL to 127.0.0.1:${INSTANCE_PORTS[$KILLED]}; then ${AFTER} s more"
timeout $((BEFORE + AFTER + 120)) node "$HERE/load.mjs" --url "http://127.0.0.1:$NGINX_PORT/mcp" \
  --kill-pid "${INSTANCE_PIDS[$KILLED]}" --kill-port "${INSTANCE_PORTS[$KILLED]}" --out "$WORK" --instances "$INSTANCES" \
  --before "$BEFORE" --after "$AFTER" --writers "$WRITERS" --readers "$READERS" --tokens "$WORK/tokens.json"

say "every acknowledged add_task in PostgreSQL"
"${PSQL[@]}" -d board -At -c "SELECT id FROM tasks" | sort >"$WORK/stored.txt"
sort "$WORK/acknowledged.txt" >"$WORK/acknowledged.sorted"
LOST=$(comm -23 "$WORK/acknowledged.sorted" "$WORK/stored.txt" | wc -l)
UNACKED=$(wc -l <"$WORK/unacknowledged.txt")
UNACKED_STORED=$("${PSQL[@]}" -d board -At -v titles="$(cat "$WORK/unacknowledged.txt")" \
  <<<"SELECT count(*) FROM tasks WHERE title = ANY(string_to_array(:'titles', E'\\n'))")
echo "acknowledged adds: $(wc -l <"$WORK/acknowledged.txt"), rows in PostgreSQL: $(wc -l <"$WORK/stored.txt"), acknowledged but missing: $LOST"
echo "adds that failed at the kill: $UNACKED, of which stored anyway (committed, the answer lost): $UNACKED_STORED"
REFUSED=$(grep -c 'connect() failed' "$WORK/nginx/error.log" || true)
BEFORE_HEADER=$(grep -c '\[error\].*while reading response header from upstream' "$WORK/nginx/error.log" || true)
AFTER_HEADER=$(grep -Ec '\[error\].*(while reading upstream|prematurely closed connection while sending)' "$WORK/nginx/error.log" || true)
echo "nginx: $REFUSED requests refused by the dead instance (not sent: passed to another instance);" \
  "$BEFORE_HEADER cut off before its response header (passed on when retry-safe, else 502);" \
  "$AFTER_HEADER cut off after it (the client sees a broken stream)"
OWNERS=$("${PSQL[@]}" -d board -At -c "SELECT count(DISTINCT owner) FROM tasks")
UNOWNED=$("${PSQL[@]}" -d board -At -c "SELECT count(*) FROM tasks WHERE owner = ''")
echo "tasks belong to $OWNERS people; tasks without an owner: $UNOWNED"
((LOST == 0)) || fail "$LOST acknowledged adds are missing from PostgreSQL"
((OWNERS == 2 && UNOWNED == 0)) || fail "expected the tasks of exactly two signed-in people, found $OWNERS owners and $UNOWNED unowned tasks"
say "scale-out check passed"
