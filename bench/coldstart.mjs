// Cold start: time from spawning a server process to its first successful tools/call, median over N runs.
//
//   node bench/coldstart.mjs --runs 10 --port 5101 --cwd DIR [--env K=V ...] -- COMMAND ARGS...
//
// Each run spawns COMMAND, polls POST /mcp tools/call greet_user every ~2 ms (connection refused or a non-200 or an
// error body just means "not yet"), stops the clock at the first good answer, reads VmRSS, then sends SIGTERM and
// waits for the process to exit. A process that exits before answering is a crash: its output is reported and the
// script exits 2. Prints one JSON object: {runs_ms:[...], median_ms, first_http_answer_median_ms (the first HTTP response
// of any kind, i.e. roughly when the server started listening), min_ms, max_ms, rss_kb_after_first_call:[...]}.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep < 0) throw new Error('usage: coldstart.mjs --runs N --port P [--cwd DIR] [--env K=V] -- COMMAND ARGS...');
const opts = { runs: 10, port: 0, cwd: process.cwd(), env: {}, timeoutMs: 30000, pollMs: 2 };
for (let i = 0; i < sep; i += 2) {
  const [k, v] = [argv[i], argv[i + 1]];
  if (k === '--runs') opts.runs = Number(v);
  else if (k === '--port') opts.port = Number(v);
  else if (k === '--cwd') opts.cwd = v;
  else if (k === '--timeout-ms') opts.timeoutMs = Number(v);
  else if (k === '--poll-ms') opts.pollMs = Number(v);
  else if (k === '--env') { const at = v.indexOf('='); opts.env[v.slice(0, at)] = v.slice(at + 1); }
  else throw new Error(`unknown option ${k}`);
}
const [command, ...args] = argv.slice(sep + 1);
const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'greet_user', arguments: { name: 'Ada' } } });
const agent = new http.Agent({ keepAlive: false });

function call() {
  return new Promise(resolve => {
    const req = http.request({
      host: '127.0.0.1', port: opts.port, path: '/mcp', method: 'POST', agent,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'Content-Length': Buffer.byteLength(body) },
    }, res => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', d => (text += d));
      res.on('end', () => resolve(res.statusCode === 200 && text.includes('"result"') && !text.includes('"error"') && !text.includes('"isError":true') ? 'ok' : 'answered'));
      res.on('error', () => resolve('answered'));
    });
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

function rssKb(pid) {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]); } catch { return null; }
}

async function once() {
  const t0 = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', d => (output += d));
  child.stderr.on('data', d => (output += d));
  let exited = null, firstAnswerMs = null;
  const exit = new Promise(r => child.on('exit', (code, signal) => { exited = { code, signal }; r(); }));
  try {
    for (;;) {
      if (exited) return { crashed: true, exit: exited, output };
      const result = await call();
      if (result && firstAnswerMs === null) firstAnswerMs = Number(process.hrtime.bigint() - t0) / 1e6;
      if (result === 'ok') {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        return { ms, listenMs: firstAnswerMs, rss: rssKb(child.pid) };
      }
      if (Number(process.hrtime.bigint() - t0) / 1e6 > opts.timeoutMs) return { crashed: true, exit: 'timeout', output };
      await sleep(opts.pollMs);
    }
  } finally {
    if (!exited) child.kill('SIGTERM');
    await Promise.race([exit, sleep(5000)]);
    if (!exited) { child.kill('SIGKILL'); await exit; }
  }
}

if (await call() !== null) {
  console.log(JSON.stringify({ crashed: true, exit: `something already answers on port ${opts.port}; stop it first`, output: '' }));
  process.exit(3);
}

const runs = [], rss = [], listen = [];
for (let i = 0; i < opts.runs; i++) {
  const r = await once();
  if (r.crashed) {
    console.log(JSON.stringify({ crashed: true, run: i + 1, exit: r.exit, output: r.output.slice(0, 8000) }));
    process.exit(2);
  }
  runs.push(Math.round(r.ms * 10) / 10);
  rss.push(r.rss);
  listen.push(Math.round(r.listenMs * 10) / 10);
}
const sorted = [...runs].sort((a, b) => a - b);
const median = values => {
  const v = [...values].sort((a, b) => a - b), m = v.length >> 1;
  return v.length % 2 ? v[m] : Math.round(((v[m - 1] + v[m]) / 2) * 10) / 10;
};
console.log(JSON.stringify({ runs_ms: runs, median_ms: median(runs), first_http_answer_median_ms: median(listen), first_http_answer_ms: listen, min_ms: sorted[0], max_ms: sorted[sorted.length - 1], rss_kb_after_first_call: rss }));
