import { defineConfig } from "vitest/config";

// Unit tests: *.test.ts, pure, no services. Integration tests: *.int.test.ts, real MariaDB and Redis
// in throwaway databases made by the global setup; files run one at a time (they share those databases).
export default defineConfig({
  test: {
    fileParallelism: false,
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.int.test.ts"] } },
      {
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
          setupFiles: ["../../packages/db/src/testing/per-file-database.ts"],
        },
      },
    ],
  },
});
