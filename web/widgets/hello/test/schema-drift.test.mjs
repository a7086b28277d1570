// @vitest-environment node
// The shared-types guarantee, end to end: a copy of the widget whose schema lost a field the widget reads (as if the
// C# record's property were renamed) must fail the type check that `npm run build` runs first.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const widget = fileURLToPath(new URL("..", import.meta.url));
const tsc = fileURLToPath(new URL("../../../node_modules/typescript/bin/tsc", import.meta.url));
const schemaTypes = fileURLToPath(new URL("../../../scripts/schema-types.mjs", import.meta.url));
const copies = [];

/** A copy of the widget (sources, tsconfig, schemas) beside the original, so its relative paths still resolve. */
function copyWidget() {
  const dir = mkdtempSync(join(widget, "..", ".schema-drift-"));
  copies.push(dir);
  for (const part of ["src", "schemas", "tsconfig.json", "package.json"]) cpSync(join(widget, part), join(dir, part), { recursive: true });
  symlinkSync(join(widget, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function generateAndCheck(dir) {
  execFileSync(process.execPath, [schemaTypes], { cwd: dir });
  return spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--noEmit"], { cwd: dir, encoding: "utf8" });
}

afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe("types generated from the server's tool schemas", () => {
  it("type-check the widget as it is", () => {
    const result = generateAndCheck(copyWidget());
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);

  it("fail the type check when the output schema renames a field the widget reads", () => {
    const dir = copyWidget();
    const file = join(dir, "schemas", "tools.json");
    const schemas = JSON.parse(readFileSync(file, "utf8"));
    const output = schemas.tools.greet_user.outputSchema;
    output.properties.text = output.properties.message; // C#: Message renamed to Text
    delete output.properties.message;
    output.required = output.required.map((r) => (r === "message" ? "text" : r));
    writeFileSync(file, JSON.stringify(schemas, null, 2));

    const result = generateAndCheck(dir);
    expect(readFileSync(join(dir, "src", "generated", "tool-types.ts"), "utf8")).toContain("text: string;");
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain("Property 'message' does not exist on type 'GreetUserOutput'");
  }, 120_000);
});
