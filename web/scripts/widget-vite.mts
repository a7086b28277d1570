// The Vite and Vitest settings every sample widget shares; each widget's vite.config.ts and vitest.config.ts name
// only where its build goes.
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig, type UserConfig } from "vite";
import { defineConfig as defineTestConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const resolve = {
  // The widget's own React 18 for the runtime's imports too (the workspace root holds React 19 for the runtime's tests).
  dedupe: ["react", "react-dom"],
  // The runtime from its sources: the widget builds without building @inlay/view first.
  alias: {
    "@inlay/view/react": here("../view/src/react/index.ts"),
    "@inlay/view": here("../view/src/index.ts"),
  },
};

/**
 * Builds a widget into the folder its sample serves (WidgetHtmlSource.FromAssetFolder): hashed assets under assets/,
 * index.html, and .vite/manifest.json naming the entry and its files. base './' keeps every URL relative, so the
 * same build works under the app's /_inlay/widgets/<slug>/ and on a CDN.
 */
export function widgetViteConfig(outDir: URL): UserConfig {
  return defineConfig({
    base: "./",
    plugins: [tailwindcss()],
    resolve,
    build: {
      outDir: fileURLToPath(outDir),
      emptyOutDir: true,
      manifest: true,
      target: "es2022",
      // One script and one style sheet, so the inline mode can put both into the HTML.
      modulePreload: false,
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
}

/** Vitest in jsdom over test/, with the same React and runtime resolution as the build. */
export function widgetVitestConfig() {
  return defineTestConfig({
    resolve,
    test: {
      environment: "jsdom",
      include: ["test/**/*.test.{ts,tsx,mjs}"],
      restoreMocks: true,
      server: { deps: { inline: [/react/] } },
    },
  });
}
