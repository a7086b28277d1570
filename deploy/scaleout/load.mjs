// Load for the scale-out check (deploy/scaleout/run.sh): writers and readers call the Board through nginx, one
// instance is killed with SIGKILL once the load is flowing, and every request is classified by when it started and
// what it was.
//
//   node load.mjs --url http://127.0.0.1:PORT/mcp --kill-pid PID --kill-port PORT --out DIR
//                 [--instances 3] [--before 5] [--after 6] [--writers 6] [--readers 4] [--max-adds 900]
//                 [--tokens FILE]
//
// With --tokens (a JSON array of access tokens, one per signed-in person), writer and reader n call as person
// n modulo their count, with Authorization: Bearer.
// Writers add a task, move it and complete it: writes, sent without X-Mcp-Retry-Safe and never sent twice. Readers
// read the widget resource, list the tools and show the board: sent with X-Mcp-Retry-Safe: 1, and sent once more by
// this client when the transport lost them. A request fails when its (last) response is not 200, carries a JSON-RPC
// error or an isError result, or never arrives complete.
//
// Writes DIR/acknowledged.txt (ids of the adds the server acknowledged), DIR/unacknowledged.txt (titles of the adds
// that failed: they may or may not have been stored), DIR/summary.json; prints a summary. Exits 1 when a rule fails:
// a retry-safe request failed, a request that started after the killed instance stopped accepting connections
// failed, more writes failed than were in flight, or an instance served less than 10% before the kill (or none).
import { connect } from "node:net";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const url = args.url;
const killPid = Number(args["kill-pid"]);
const killPort = Number(args["kill-port"]);
const out = args.out;
const before = Number(args.before ?? 5) * 1000;
const after = Number(args.after ?? 6) * 1000;
const writers = Number(args.writers ?? 6);
const readers = Number(args.readers ?? 4);
const maxAdds = Number(args["max-adds"] ?? 900); // the Board holds 1,000 tasks
const instanceCount = Number(args.instances ?? 2);
const tokens = args.tokens ? JSON.parse(readFileSync(args.tokens, "utf8")) : [];
const tokenFor = (n) => (tokens.length ? tokens[n % tokens.length] : null);
if (!url || !killPid || !killPort || !out) {
  console.error("usage: node load.mjs --url URL --kill-pid PID --kill-port PORT --out DIR [--before s] [--after s]");
  process.exit(2);
}

const t0 = performance.now();
const now = () => performance.now() - t0;
const records = []; // { kind, retrySafe, start, end, ok, status, upstream, error }
let killSentAt = null;
let killedAt = null; // the killed instance's port refuses connections from here on
let stopping = false;
let addsStarted = 0;
const acknowledged = [];
const unacknowledged = [];
let nextId = 1;

// One MCP request. A retry-safe request the transport lost (nginx answered 502/503/504, or the stream ended before the
// JSON-RPC response) is sent once more by this client: nginx can only move a request on before the instance has
// answered its status line, and the C# SDK sends "200, text/event-stream" before the tool runs.
async function call(kind, method, params, retrySafe, token) {
  const record = { kind, retrySafe, token, start: now(), end: 0, ok: false, status: 0, upstream: "", error: "", lost: false, attempts: 0 };
  records.push(record);
  let result = await attempt(record, method, params);
  if (!record.ok && retrySafe && record.lost) result = await attempt(record, method, params);
  record.end = now();
  return result;
}

async function attempt(record, method, params) {
  record.attempts++;
  Object.assign(record, { status: 0, upstream: "", error: "", lost: false });
  const headers = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
  if (record.retrySafe) headers["X-Mcp-Retry-Safe"] = "1";
  if (record.token) headers.Authorization = `Bearer ${record.token}`;
  try {
    const response = await fetch(url, {
      method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
      signal: AbortSignal.timeout(15000),
    });
    record.status = response.status;
    record.upstream = response.headers.get("x-upstream") ?? "";
    if (response.status !== 200) {
      record.error = `HTTP ${response.status}`;
      record.lost = [502, 503, 504].includes(response.status);
      await response.arrayBuffer().catch(() => {});
      return null;
    }
    let text;
    try { text = await response.text(); } catch (e) {
      record.error = `200, then the stream broke (${e.cause?.code ?? e.message})`;
      record.lost = true;
      return null;
    }
    const data = text.split("\n").find((line) => line.startsWith("data: "));
    if (!data) { record.error = "200 without a JSON-RPC response"; record.lost = true; return null; }
    const message = JSON.parse(data.slice(6));
    if (message.error) { record.error = `JSON-RPC ${message.error.code} ${message.error.message}`; return null; }
    if (message.result?.isError) { record.error = `tool error ${JSON.stringify(message.result.content)}`; return null; }
    record.ok = true;
    return message.result;
  } catch (e) {
    record.error = `${e.name}: ${e.cause?.code ?? e.message}`;
    record.lost = true;
    return null;
  }
}

async function writer(w) {
  // Pace the adds so the run stays under the board's limit whatever the machine's speed.
  const interval = (writers * (before + after)) / maxAdds;
  for (let i = 0; !stopping && addsStarted < maxAdds; i++) {
    const cycle = now();
    addsStarted++;
    const title = `writer ${w} task ${i}`;
    const added = await call("add_task", "tools/call", { name: "add_task", arguments: { title } }, false, tokenFor(w));
    const task = added?.structuredContent?.task;
    if (!task) { unacknowledged.push(title); continue; }
    acknowledged.push(task.id);
    const moved = await call("move_task", "tools/call", { name: "move_task", arguments: { id: task.id, column: "doing", expectedVersion: 1 } }, false, tokenFor(w));
    if (moved) await call("complete_task", "tools/call", { name: "complete_task", arguments: { id: task.id, expectedVersion: 2 } }, false, tokenFor(w));
    const wait = interval - (now() - cycle);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

async function reader(_, r) {
  const token = tokenFor(r);
  for (let i = 0; !stopping; i++) {
    await call("resources/read", "resources/read", { uri: "ui://widget/board.html" }, true, token);
    await call("tools/list", "tools/list", {}, true, token);
    if (i % 4 === 0) await call("show_board", "tools/call", { name: "show_board", arguments: {} }, true, token);
  }
}

function refuses(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(false); });
    socket.once("error", () => resolve(true));
  });
}

// The kill comes once the load has run for --before seconds and every instance has answered at least 20 requests
// (on a busy machine the first calls, compiled on first use, take seconds), or after 60 s more at the latest.
async function killer() {
  const flowing = () => {
    const answered = {};
    for (const r of records) if (r.ok && r.upstream && !r.upstream.includes(",")) answered[r.upstream] = (answered[r.upstream] ?? 0) + 1;
    return Object.values(answered).filter((n) => n >= 20).length >= instanceCount;
  };
  while (now() < before || (!flowing() && now() < before + 60000)) await new Promise((r) => setTimeout(r, 50));
  killSentAt = now();
  process.kill(killPid, "SIGKILL");
  while (!(await refuses(killPort))) await new Promise((r) => setTimeout(r, 5));
  killedAt = now();
  await new Promise((r) => setTimeout(r, after));
  stopping = true;
}

await Promise.all([killer(), ...Array.from({ length: writers }, (_, w) => writer(w)), ...Array.from({ length: readers }, reader)]);

// --- report ---------------------------------------------------------------------------------------------------------
const killedAddress = `127.0.0.1:${killPort}`;
const failed = records.filter((r) => !r.ok);
const beforeKill = records.filter((r) => r.end <= killSentAt && r.ok);
const perInstance = {};
for (const r of beforeKill) perInstance[r.upstream] = (perInstance[r.upstream] ?? 0) + 1;
const afterKill = records.filter((r) => r.start >= killedAt);
const perInstanceAfter = {};
for (const r of afterKill.filter((r) => r.ok)) perInstanceAfter[r.upstream] = (perInstanceAfter[r.upstream] ?? 0) + 1;
const movedOn = records.filter((r) => r.ok && r.upstream.includes(","));
const clientRetried = records.filter((r) => r.attempts > 1);
const inFlight = failed.filter((r) => r.start < killedAt);
const summary = {
  requests: records.length,
  ok: records.length - failed.length,
  failed: failed.length,
  writes: records.filter((r) => !r.retrySafe).length,
  retrySafe: records.filter((r) => r.retrySafe).length,
  killedInstance: killedAddress,
  killSentAtMs: Math.round(killSentAt),
  refusingAfterMs: Math.round(killedAt - killSentAt),
  perInstanceBeforeKill: perInstance,
  perInstanceAfterKill: perInstanceAfter,
  answeredByAnotherInstance: movedOn.length,
  retrySafeSentAgainByClient: clientRetried.length,
  retrySafeSentAgainByClientOk: clientRetried.filter((r) => r.ok).length,
  failedRetrySafe: failed.filter((r) => r.retrySafe).length,
  failedWritesInFlightAtKill: inFlight.filter((r) => !r.retrySafe).length,
  failedAfterKill: failed.filter((r) => r.start >= killedAt).length,
  addsAcknowledged: acknowledged.length,
  addsUnacknowledged: unacknowledged.length,
  failures: failed.slice(0, 20).map((r) => ({ kind: r.kind, startMs: Math.round(r.start), endMs: Math.round(r.end), upstream: r.upstream, error: r.error })),
};
writeFileSync(join(out, "acknowledged.txt"), acknowledged.map((id) => id + "\n").join(""));
writeFileSync(join(out, "unacknowledged.txt"), unacknowledged.map((t) => t + "\n").join(""));
writeFileSync(join(out, "summary.json"), JSON.stringify(summary, null, 2) + "\n");

const problems = [];
if (summary.failedRetrySafe > 0) problems.push(`${summary.failedRetrySafe} retry-safe requests failed`);
if (summary.failedAfterKill > 0) problems.push(`${summary.failedAfterKill} requests that started after the kill failed`);
if (summary.failedWritesInFlightAtKill > writers) problems.push(`${summary.failedWritesInFlightAtKill} writes failed at the kill, more than the ${writers} that can be in flight`);
const instances = Object.keys(perInstance).filter((a) => !a.includes(","));
const total = beforeKill.length;
if (instances.length < instanceCount) problems.push(`only ${instances.length} of ${instanceCount} instances answered before the kill`);
if (!instances.includes(killedAddress)) problems.push(`the killed instance ${killedAddress} served nothing before the kill`);
for (const a of instances) if (perInstance[a] < total * 0.1) problems.push(`instance ${a} served only ${perInstance[a]} of ${total} requests before the kill`);
if (perInstanceAfter[killedAddress]) problems.push(`the killed instance answered ${perInstanceAfter[killedAddress]} requests after the kill`);
if (acknowledged.length < 25) problems.push(`only ${acknowledged.length} adds were acknowledged`);

const pct = (n, d) => (d ? ((100 * n) / d).toFixed(1) : "0.0");
console.log(`requests: ${summary.requests} (${summary.writes} writes, ${summary.retrySafe} retry-safe reads), ${summary.ok} ok, ${summary.failed} failed`);
console.log(`before the kill, answered per instance: ${Object.entries(perInstance).map(([a, n]) => `${a} ${n} (${pct(n, total)}%)`).join(", ")}`);
console.log(`SIGKILL to ${killedAddress} at ${summary.killSentAtMs} ms; its port refused connections ${summary.refusingAfterMs} ms later`);
console.log(`after the kill, answered per instance: ${Object.entries(perInstanceAfter).map(([a, n]) => `${a} ${n}`).join(", ")}`);
console.log(`answered after nginx moved on from a first instance: ${summary.answeredByAnotherInstance}`);
console.log(`retry-safe requests cut off after the instance's 200 and sent again by the client: ${summary.retrySafeSentAgainByClient} (${summary.retrySafeSentAgainByClientOk} then answered)`);
console.log(`failed: retry-safe ${summary.failedRetrySafe}, writes in flight at the kill ${summary.failedWritesInFlightAtKill}, started after the kill ${summary.failedAfterKill}`);
for (const f of summary.failures) console.log(`  failure: ${f.kind} ${f.startMs}-${f.endMs} ms upstream=${f.upstream || "-"} ${f.error}`);
console.log(`adds: ${summary.addsAcknowledged} acknowledged, ${summary.addsUnacknowledged} unacknowledged`);
if (problems.length) {
  for (const p of problems) console.error(`FAIL: ${p}`);
  process.exit(1);
}
