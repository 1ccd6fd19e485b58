/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL. */
import { runMigrations } from "./migrate";

runMigrations()
  .then(() => console.log("migrations applied"))
  .catch((error: unknown) => {
    console.error("migration failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
