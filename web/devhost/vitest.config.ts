import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    // The MCP client runs through Vite here, with the browser conditions below, so the tests get the SDK the page
    // bundles: its browser shims (a TypeError from fetch may be CORS, so OAuth discovery skips such a server) rather
    // than Node's.
    server: { deps: { inline: ["@modelcontextprotocol/client"] } },
  },
  resolve: { conditions: ["browser", "module", "development|production"] },
});
