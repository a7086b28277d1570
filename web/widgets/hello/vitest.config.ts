import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    dedupe: ["react", "react-dom"],
    alias: {
      "@inlay/view/react": here("../../view/src/react/index.ts"),
      "@inlay/view": here("../../view/src/index.ts"),
    },
  },
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.{ts,tsx,mjs}"],
    restoreMocks: true,
    server: { deps: { inline: [/react/] } },
  },
});
