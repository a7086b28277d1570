// Copies the built bootstrap (dist/bootstrap.iife.js, without its source-map comment) into the Inlay library, which
// embeds it and inlines it into app pages served as widgets (WidgetHtmlSource.FromAppPage). The file is written only
// when its text changed; an xunit test fails when the committed copy differs from this build.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const source = fileURLToPath(new URL("../dist/bootstrap.iife.js", import.meta.url));
const target = fileURLToPath(new URL("../../../src/Inlay/Html/inlay-bootstrap.js", import.meta.url));

const built = (await readFile(source, "utf8")).replace(/\n?\/\/# sourceMappingURL=.*\s*$/, "\n");
const current = await readFile(target, "utf8").catch(() => null);
if (current !== built) {
  await writeFile(target, built);
  console.log(`bootstrap embedded in ${target}`);
}
