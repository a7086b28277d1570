import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Builds the widget into the folder the app serves (DiceTools' AssetFolder): hashed files under assets/,
// index.html, and .vite/manifest.json naming the entry. base "./" keeps every URL relative, so the same build works
// under the app's /_inlay/widgets/dice/ and on a CDN (Inlay makes the URLs absolute when it serves the document).
export default defineConfig({
  base: "./",
  build: {
    outDir: fileURLToPath(new URL("../../../src/InlayApp/widgets/dice/dist", import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    target: "es2022",
    // One script and one style sheet, so the widget can also be served inlined (AssetInline = true).
    modulePreload: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
