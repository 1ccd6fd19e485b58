import { env } from "./env";
import { runMigrations as runMigrationsAt } from "./migrate-core";

/** Applies the committed migrations to DATABASE_URL (or the URL given). */
export function runMigrations(url: string = env.DATABASE_URL): Promise<void> {
  return runMigrationsAt(url);
}
