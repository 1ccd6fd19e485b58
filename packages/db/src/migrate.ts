import { fileURLToPath } from "node:url";
import path from "node:path";
import { env } from "./env";
import { runMigrations as runMigrationsAt } from "./migrate-core";

/** Applies the committed migrations to DATABASE_URL (or the URL given). */
export function runMigrations(url: string = env.DATABASE_URL): Promise<void> {
  return runMigrationsAt(url);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runMigrations()
    .then(() => console.log("migrations applied"))
    .catch((error: unknown) => {
      console.error("migration failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
