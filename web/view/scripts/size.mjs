// Measures what a widget ships: each public entry bundled and minified with esbuild (React external), then
// gzipped (level 9). Fails when the runtime exceeds its budget. Run after `vite build` (reads dist/).
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUNTIME_BUDGET = 6 * 1024;

async function bundle(contents) {
  const out = await build({
    stdin: { contents, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    external: ["react", "react-dom", "react/jsx-runtime"],
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0].contents;
}

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const rows = [
  ["runtime (import * from @inlay/view)", await bundle(`export * from "./dist/index.js";`)],
  ["react entry incl. runtime, excl. React", await bundle(`export * from "./dist/react.js";`)],
  ["bootstrap IIFE (dist/bootstrap.iife.js)", readFileSync(`${root}dist/bootstrap.iife.js`)],
];
for (const [name, bytes] of rows) {
  console.log(`${name.padEnd(42)} ${String(bytes.length).padStart(6)} B min  ${String(gz(bytes)).padStart(5)} B gzip`);
}
const runtime = gz(rows[0][1]);
console.log(`${"react hooks and components alone".padEnd(42)} ${String(rows[1][1].length - rows[0][1].length).padStart(6)} B min  ${String(gz(rows[1][1]) - runtime).padStart(5)} B gzip (difference)`);
if (runtime > RUNTIME_BUDGET) {
  console.error(`runtime is ${runtime} B gzip, over the ${RUNTIME_BUDGET} B budget`);
  process.exit(1);
}
