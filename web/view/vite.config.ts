import { defineConfig } from "vite";

// Library build of the ESM entries; React stays external (a peer dependency).
export default defineConfig({
  build: {
    target: "es2022",
    sourcemap: true,
    lib: {
      entry: {
        index: "src/index.ts",
        react: "src/react/index.ts",
        bootstrap: "src/bootstrap/index.ts",
      },
      formats: ["es"],
    },
    rolldownOptions: {
      external: ["react", "react-dom", "react/jsx-runtime"],
    },
  },
});
