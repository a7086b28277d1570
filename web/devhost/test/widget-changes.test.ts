import { describe, expect, it } from "vitest";
import { parseWidgetChange } from "../src/host/widget-changes";

describe("parseWidgetChange", () => {
  it("reads the versions the app sends", () => {
    expect(parseWidgetChange('{"versions":{"ui://widget/a.html":"3f2a9c1b7e0d","ui://widget/page.html":null}}')).toEqual({
      versions: { "ui://widget/a.html": "3f2a9c1b7e0d", "ui://widget/page.html": null },
    });
  });

  it("ignores what is not a change", () => {
    expect(parseWidgetChange("not json")).toBeUndefined();
    expect(parseWidgetChange('{"versions":[1]}')).toBeUndefined();
    expect(parseWidgetChange("null")).toBeUndefined();
    expect(parseWidgetChange(undefined)).toBeUndefined();
  });
});
