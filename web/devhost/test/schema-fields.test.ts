import { describe, expect, it } from "vitest";
import { argumentsFrom, schemaFields } from "../src/host/schema-fields";

const schema = {
  type: "object",
  properties: {
    title: { type: "string", description: "What to do" },
    column: { type: "string", enum: ["todo", "doing", "done"], default: "todo" },
    expectedVersion: { type: ["integer", "null"] },
    ratio: { type: "number" },
    urgent: { type: "boolean" },
    tags: { type: "array", items: { type: "string" } },
  },
  required: ["title"],
};

describe("schemaFields", () => {
  it("makes one field per property with its kind", () => {
    const fields = schemaFields(schema);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["title", "string", true],
      ["column", "enum", false],
      ["expectedVersion", "integer", false],
      ["ratio", "number", false],
      ["urgent", "boolean", false],
      ["tags", "json", false],
    ]);
    expect(fields[1]!.options).toEqual(["todo", "doing", "done"]);
    expect(fields[1]!.defaultText).toBe("todo");
  });
});

describe("argumentsFrom", () => {
  const fields = schemaFields(schema);
  it("converts typed text to argument values and leaves out empty optional fields", () => {
    expect(argumentsFrom(fields, { title: "Ship", expectedVersion: "3", ratio: "0.5", urgent: "true", tags: '["a"]' })).toEqual({
      args: { title: "Ship", column: "todo", expectedVersion: 3, ratio: 0.5, urgent: true, tags: ["a"] },
    });
    expect(argumentsFrom(fields, { title: "Ship", column: "" })).toEqual({ args: { title: "Ship" } });
  });
  it("names the field that does not parse", () => {
    expect(argumentsFrom(fields, { title: "x", expectedVersion: "2.5" })).toEqual({ error: '"expectedVersion" must be a whole number, not "2.5".' });
    expect(argumentsFrom(fields, { title: "x", ratio: "abc" })).toEqual({ error: '"ratio" must be a number, not "abc".' });
    expect(argumentsFrom(fields, { title: "x", tags: "[" })).toEqual({ error: '"tags" is not valid JSON.' });
  });
  it("sends a required string even when empty, so the server's own message shows", () => {
    expect(argumentsFrom(fields, {})).toEqual({ args: { title: "", column: "todo" } });
  });
});
