import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Unit tests of the web app's pure helpers (`src/**\/*.test.ts`): no services, no DOM. Pages and
 * flows are tested end to end by Playwright (e2e/), against a production build.
 */
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: { projects: [{ extends: true, test: { name: "unit", include: ["src/**/*.test.ts"] } }] },
});
