// Measures a widget's whole download from its built folder: the entry HTML plus every file the Vite manifest lists
// for the entry (script, imported chunks, style sheets, assets), each gzipped at level 9.
// Fails when the total exceeds the sample-widget budget of 60 KB.
// Usage, from the widget's folder (npm run sets it): node ../../scripts/widget-size.mjs <built folder>
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";

if (!process.argv[2]) throw new Error("usage: widget-size.mjs <built folder>");
const dist = resolve(process.argv[2]) + "/";
const BUDGET = 60 * 1024;

const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, "utf8"));
const [entryKey, entry] = Object.entries(manifest).find(([, chunk]) => chunk.isEntry) ?? [];
if (!entry) throw new Error("the manifest has no entry");

const files = new Set([entry.src ?? entryKey]);
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const file of [...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
files.delete(entry.file);
visit(entryKey);

let total = 0;
for (const file of files) {
  const bytes = readFileSync(dist + file);
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`${file.padEnd(34)} ${String(bytes.length).padStart(7)} B  ${String(gz).padStart(6)} B gzip`);
}
console.log(`${"whole download".padEnd(34)} ${"".padStart(9)}  ${String(total).padStart(6)} B gzip (budget ${BUDGET} B)`);
if (total > BUDGET) {
  console.error(`the widget in ${dist} downloads ${total} B gzipped, over the ${BUDGET} B budget`);
  process.exit(1);
}
