import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Builds the greeting widget into the folder the Hello sample serves (WidgetHtmlSource.FromAssetFolder):
// hashed assets under assets/, index.html, and .vite/manifest.json naming the entry and its files.
// base './' keeps every URL relative, so the same build works under the app's /_inlay/widgets/greeting/ and on a CDN.
export default defineConfig({
  base: "./",
  plugins: [tailwindcss()],
  resolve: {
    // The widget's own React 18 for the runtime's imports too (the workspace root holds React 19 for the runtime's tests).
    dedupe: ["react", "react-dom"],
    // The runtime from its sources: the widget builds without building @inlay/view first.
    alias: {
      "@inlay/view/react": here("../../view/src/react/index.ts"),
      "@inlay/view": here("../../view/src/index.ts"),
    },
  },
  build: {
    outDir: here("../../../samples/Hello/widgets/greeting/dist"),
    emptyOutDir: true,
    manifest: true,
    target: "es2022",
    // One script and one style sheet, so the inline mode can put both into the HTML.
    modulePreload: false,
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
