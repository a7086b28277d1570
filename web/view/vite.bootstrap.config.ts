import { defineConfig } from "vite";

// The bootstrap as a standalone classic script (IIFE) for server-rendered pages.
export default defineConfig({
  build: {
    target: "es2020",
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: "src/bootstrap/iife.ts",
      name: "InlayBootstrap",
      formats: ["iife"],
      fileName: () => "bootstrap.iife.js",
    },
  },
});
