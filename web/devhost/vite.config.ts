import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Three pages: the host (index.html, served by MapInlay under /_inlay/), the sandbox proxy (sandbox.html, served
// on the second loopback origin) and the OAuth callback the sign-in popup ends on (oauth-callback.html, /_inlay/). base './' keeps every URL relative, so both work wherever they are served.
// The build goes into the Inlay assembly as embedded resources (src/Inlay/Inlay.csproj).
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    target: "es2022",
    // The host page (React, the MCP client and ext-apps' AppBridge, about 580 kB) loads from loopback in Development
    // only and is never sent to a chat host, so one chunk is fine; the limit still catches a runaway dependency.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: { index: here("index.html"), sandbox: here("sandbox.html"), "oauth-callback": here("oauth-callback.html") },
    },
  },
});
