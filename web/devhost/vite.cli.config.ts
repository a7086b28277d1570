import { defineConfig } from "vite";

// The conformance client (cli/conformance-client.ts) as one Node module with its dependencies inside, so the
// conformance suite's Node 22 runs it without the workspace's node_modules resolution.
export default defineConfig({
  build: {
    ssr: "cli/conformance-client.ts",
    outDir: "dist-cli",
    target: "node22",
    emptyOutDir: true,
    rollupOptions: { output: { entryFileNames: "conformance-client.mjs" } },
  },
  ssr: { noExternal: true },
});
