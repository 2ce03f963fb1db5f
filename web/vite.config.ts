// Vite build of the web UI: Preact JSX through Oxc (no preset plugin), output to dist/web served by `claimline serve`.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/",
  // Only the built files are served; nothing is copied from a public folder.
  publicDir: false,
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  resolve: {
    // Libraries written for React resolve to Preact's compat layer should one ever be added.
    alias: { react: "preact/compat", "react-dom": "preact/compat" },
  },
  // `npx vite --config web/vite.config.ts` for development: the API comes from a `claimline serve` on its default port.
  server: {
    host: "127.0.0.1",
    proxy: { "/api": "http://127.0.0.1:8787", "/openapi.json": "http://127.0.0.1:8787" },
  },
  build: {
    outDir: here("../dist/web"),
    // Only dist/web is emptied: the rest of dist/ is the tsc output of the package.
    emptyOutDir: true,
    target: "es2022",
    // No inline assets: the server's CSP allows images from 'self' and data:, but fonts and scripts must be files.
    assetsInlineLimit: 0,
    sourcemap: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
  },
});
