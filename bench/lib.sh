# shellcheck shell=bash
# Shared by bench/run and bench/soak (sourced, not run): process cleanup, tools, the servers under test, starting and
# stopping them, wrk with wrk/mcp.lua, and readers for a process's memory and CPU time.
# The caller sets ROOT, BENCH and OUT (the run's output folder) before calling these functions; server_dir reads
# HELLO_JIT, INLAY_AOT_DIR, INLAY_AOT_EXE, BARE_JIT and BARE_AOT, and run_wrk reads WRK_THREADS.
# Safe under `set -e`: an expected failure (a process already gone) does not end the caller.

log() { printf '\n== %s\n' "$*" >&2; }

# --- cleanup: stop every process this script started, remove what they wrote outside the results -----------------
PIDS=()
# The .NET servers keep their widget generations here rather than under the user's profile; removed on exit.
GENERATIONS=$(mktemp -d "${TMPDIR:-/tmp}/inlay-bench-generations.XXXXXX")
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    pkill -TERM -P "$pid" 2>/dev/null || true # a background function's own children (wrk), then the job itself
    kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 0.3
  for pid in "${PIDS[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
  rm -rf "$GENERATIONS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

install_tools() { # commands... : installs the Debian packages of the same names that are missing (apt-get)
  local need_apt=() tool SUDO=
  for tool in "$@"; do command -v "$tool" >/dev/null || need_apt+=("$tool"); done
  ((${#need_apt[@]})) || return 0
  log "installing ${need_apt[*]} (apt-get)"
  [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null || { echo "apt-get install failed" >&2; exit 1; }
}

# --- servers -------------------------------------------------------------------------------------------------------
# server name -> port, working directory, command. .NET servers log at Warning so the SDK's three Information lines
# per request do not turn the run into a console-logging benchmark (the same for every .NET server).
DOTNET_ENV=(Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production)
server_port() { case $1 in inlay-jit) echo 5100;; inlay-aot) echo 5101;; node) echo 5102;; bare-jit) echo 5103;; bare-aot) echo 5104;; esac; }
server_dir() {
  case $1 in
    inlay-jit) echo "$HELLO_JIT";; inlay-aot) echo "$INLAY_AOT_DIR";; node) echo "$BENCH/node-reference";;
    bare-jit) echo "$BARE_JIT";; bare-aot) echo "$BARE_AOT";;
  esac
}
server_env() { # prints KEY=VALUE lines
  local port; port=$(server_port "$1")
  case $1 in
    node) echo "PORT=$port"; echo "NODE_ENV=production"; echo "WIDGET_HTML=${WIDGET_HTML:-}";;
    *) printf '%s\n' "${DOTNET_ENV[@]}" "ASPNETCORE_URLS=http://127.0.0.1:$port" "WIDGET_HTML=${WIDGET_HTML:-}" \
         "Inlay__Widgets__GenerationsPath=$GENERATIONS/$1";;
  esac
}
server_cmd() {
  case $1 in
    inlay-jit) echo "dotnet Hello.dll";; inlay-aot) echo "$INLAY_AOT_EXE";; node) echo "node server.js";;
    bare-jit) echo "dotnet BareSdk.dll";; bare-aot) echo "./BareSdk";;
  esac
}

SERVER_PID=
start_server() { # name
  local name=$1 port dir envs cmd
  port=$(server_port "$name"); dir=$(server_dir "$name"); cmd=$(server_cmd "$name")
  mapfile -t envs < <(server_env "$name")
  if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
    echo "port $port is already in use; stop whatever listens there" >&2; return 1
  fi
  # shellcheck disable=SC2086
  (cd "$dir" && exec env "${envs[@]}" $cmd) > "$OUT/server-$name.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  local i
  for ((i = 0; i < 600; i++)); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "$name exited during start-up:" >&2; tail -20 "$OUT/server-$name.log" >&2; return 1
    fi
    if mcp_call "$port" | grep -q '"result"'; then return 0; fi
    sleep 0.05
  done
  echo "$name did not answer within 30 s" >&2; return 1
}
stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  local i
  for ((i = 0; i < 100; i++)); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.05; done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}
mcp_call() {
  curl -s --max-time 2 "http://127.0.0.1:$1/mcp" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"greet_user","arguments":{"name":"Ada"}}}'
}

vmrss_kb() { # pid -> resident set size in kB (VmRSS), 0 when the process is gone
  local key value _
  while read -r key value _; do
    if [[ $key == VmRSS: ]]; then echo "$value"; return 0; fi
  done 2>/dev/null < "/proc/$1/status" || true
  echo 0
}

# Samples VmRSS every 100 ms while wrk runs; prints the peak in kB.
rss_sampler() { # pid outfile
  local pid=$1 out=$2 peak=0 value
  while kill -0 "$pid" 2>/dev/null && [[ ! -e $out.stop ]]; do
    value=$(vmrss_kb "$pid")
    ((value > peak)) && peak=$value
    echo "$peak" > "$out"
    sleep 0.1
  done
}

run_wrk() { # name op conns duration label -> raw output file; returns wrk's exit code
  local name=$1 op=$2 conns=$3 duration=$4 label=$5 port threads
  port=$(server_port "$name")
  threads=$WRK_THREADS; ((threads > conns)) && threads=$conns
  MCP_OP=$op wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 5s --latency -s "$BENCH/wrk/mcp.lua" \
    "http://127.0.0.1:$port/mcp" > "$OUT/wrk-$name-$op-c$conns$label.txt" 2>&1
}

cpu_ticks() { # pid -> utime + stime of the process (all threads), in clock ticks
  local stat; stat=$(< "/proc/$1/stat") || { echo 0; return; }
  stat=${stat##*) }   # the fields after "(comm) "; utime and stime are fields 14 and 15 of the whole line
  read -r -a f <<<"$stat"
  echo $((f[11] + f[12]))
}

summary_field() { # file key
  grep -o "mcp-summary:.*" "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k { print $2 }'
}
