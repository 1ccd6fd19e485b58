import { defineConfig } from "vitest/config";

/**
 * The vitest set-up every workspace shares. Unit tests: `*.test.ts`, pure, no services.
 * Integration tests: `*.int.test.ts`, real MariaDB and Redis: the global setup points the run at
 * local services, and each file gets its own migrated throwaway database; files run one at a time.
 */
export function workspaceVitestConfig(options: { inlineDeps?: string[] } = {}) {
  return defineConfig({
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
            ...(options.inlineDeps ? { server: { deps: { inline: options.inlineDeps } } } : {}),
          },
        },
      ],
    },
  });
}
