import { defineConfig } from "vitest/config";

/**
 * Same unit/integration split as `vitest.shared.ts`, without its database set-up: the simulator has no
 * MariaDB or Redis, its integration tests only start HTTP servers on 127.0.0.1.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.int.test.ts"] } },
      { test: { name: "integration", include: ["src/**/*.int.test.ts"], testTimeout: 30_000 } },
    ],
  },
});
