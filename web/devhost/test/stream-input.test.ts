import { describe, expect, it } from "vitest";
import { partialInputs, streamInput } from "../src/host/hosts/stream-input";

describe("partialInputs", () => {
  it("grows a string a character at a time, ending with the complete arguments", () => {
    expect(partialInputs({ name: "Ada" })).toEqual([{ name: "A" }, { name: "Ad" }, { name: "Ada" }]);
  });
  it("adds keys in order: strings grow, other values appear whole", () => {
    expect(partialInputs({ title: "ab", count: 3, done: false, note: null })).toEqual([
      { title: "a" },
      { title: "ab" },
      { title: "ab", count: 3 },
      { title: "ab", count: 3, done: false },
      { title: "ab", count: 3, done: false, note: null },
    ]);
  });
  it("streams nested objects and arrays element by element", () => {
    expect(partialInputs({ tags: ["x", "yz"], where: { city: "Ni" }, empty: [] })).toEqual([
      { tags: ["x"] },
      { tags: ["x", "y"] },
      { tags: ["x", "yz"] },
      { tags: ["x", "yz"], where: { city: "N" } },
      { tags: ["x", "yz"], where: { city: "Ni" } },
      { tags: ["x", "yz"], where: { city: "Ni" }, empty: [] },
    ]);
  });
  it("never splits a character made of two UTF-16 units, and shows an empty string whole", () => {
    expect(partialInputs({ s: "a😀" })).toEqual([{ s: "a" }, { s: "a😀" }]);
    expect(partialInputs({ s: "" })).toEqual([{ s: "" }]);
  });
  it("has nothing to stream for no arguments", () => {
    expect(partialInputs({})).toEqual([]);
  });
  it("skips steps evenly beyond maxSteps, every one a longer prefix, the last one complete", () => {
    const long = "x".repeat(1000);
    const steps = partialInputs({ long }, 100);
    expect(steps).toHaveLength(100);
    const lengths = steps.map((s) => (s.long as string).length);
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]!).toBeGreaterThan(lengths[i - 1]!);
    expect(steps.at(-1)).toEqual({ long });
  });
  it("gives growing prefixes of the JSON text of each string value", () => {
    const args = { name: "Ada Lovelace", city: "London" };
    const steps = partialInputs(args);
    expect(steps).toHaveLength("Ada Lovelace".length + "London".length);
    for (const step of steps) {
      for (const [key, value] of Object.entries(step)) expect((args as Record<string, string>)[key]!.startsWith(value as string)).toBe(true);
    }
  });
});

describe("streamInput", () => {
  it("sends each partial input spaced by the interval, then the complete input", async () => {
    const sent: string[] = [];
    const waits: number[] = [];
    const done = await streamInput(
      { name: "Bo" },
      30,
      { partial: (a) => void sent.push(`partial ${JSON.stringify(a)}`), complete: (a) => void sent.push(`complete ${JSON.stringify(a)}`) },
      undefined,
      async (ms) => void waits.push(ms),
    );
    expect(done).toBe(true);
    expect(sent).toEqual(['partial {"name":"B"}', 'partial {"name":"Bo"}', 'complete {"name":"Bo"}']);
    expect(waits).toEqual([30, 30]);
  });
  it("stops without the complete input when cancelled", async () => {
    const sent: string[] = [];
    let n = 0;
    const done = await streamInput(
      { name: "Ada" },
      0,
      { partial: () => void sent.push("partial"), complete: () => void sent.push("complete") },
      () => n++ >= 1,
      async () => undefined,
    );
    expect(done).toBe(false);
    expect(sent).toEqual(["partial"]);
  });
});
