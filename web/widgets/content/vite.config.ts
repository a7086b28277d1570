import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Builds the Content sample's page script into its wwwroot/page as one classic script (IIFE): classic scripts load
// cross-origin without CORS, so the sandboxed iframe can run it from the app's public URL. The layout references it
// with asp-append-version, so its name carries no hash. The manifest is what the .NET build's up-to-date check reads.
export default defineConfig({
  resolve: {
    // The runtime from its sources: the page builds without building @inlay/view first.
    alias: { "@inlay/view": here("../../view/src/index.ts") },
  },
  build: {
    outDir: here("../../../samples/Content/wwwroot/page"),
    emptyOutDir: true,
    manifest: true,
    target: "es2020",
    lib: {
      entry: here("src/page.ts"),
      name: "ContentPage",
      formats: ["iife"],
      fileName: () => "content-page.js",
    },
  },
});
