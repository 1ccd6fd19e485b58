/**
 * Migrates the database named by DATABASE_URL (default mysql://root@127.0.0.1:3306/orchestrator) and,
 * only when it holds no users yet, seeds the demo data set. A database with data is never reseeded.
 * Used by `npm run demo` and by the e2e stage of `npm test`.
 *
 *   tsx scripts/seed-demo.ts [--clients N]
 *
 * The demo users' password is DEMO_PASSWORD, default "orchestrator-demo".
 */
import { hashPassword } from "@orchestrator/auth";
import { seedHelpdeskDemo, helpdeskDemoAgents, helpdeskDemoCustomers } from "@orchestrator/modules/helpdesk/demo";
import { seedCrmDemo, crmDemoUsers } from "@orchestrator/modules/crm/demo";
import { closeDatabase, demoUsers, isDatabaseEmpty, runMigrations, seedDemo, unsafeSystemDb } from "@orchestrator/db/system";

const DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/orchestrator";

function parseArgs(argv: string[]): { clientCount?: number } {
  const out: { clientCount?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--clients") {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error("--clients needs a whole number");
      out.clientCount = n;
    } else {
      throw new Error(`unknown argument ${arg ?? ""} (usage: seed-demo.ts [--clients N])`);
    }
  }
  return out;
}

/** The URL without credentials, for messages. */
function describe(url: string): string {
  const u = new URL(url);
  return `${u.pathname.replace(/^\//, "")} on ${u.host}`;
}

async function main(): Promise<void> {
  const { clientCount } = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  process.env.DATABASE_URL = url;

  await runMigrations(url);
  const db = unsafeSystemDb();
  if (!(await isDatabaseEmpty(db))) {
    console.log(`database ${describe(url)}: migrations applied; it already has data, so it was not reseeded`);
    return;
  }
  const password = process.env.DEMO_PASSWORD || "orchestrator-demo";
  const started = Date.now();
  const passwordHash = await hashPassword(password);
  const seeded = await seedDemo(db, { passwordHash, ...(clientCount === undefined ? {} : { clientCount }) });
  const helpdesk = await seedHelpdeskDemo(db, { passwordHash });
  const crm = await seedCrmDemo(db, { passwordHash });
  const users = demoUsers.length + helpdeskDemoAgents.length + helpdeskDemoCustomers.length + crmDemoUsers.length;
  console.log(
    `database ${describe(url)}: migrations applied; seeded ${users} demo users, ${seeded.clients} clients, ` +
      `${seeded.tasks} tasks, ${helpdesk.tickets} helpdesk tickets, ${crm.leads} CRM leads (${crm.deals} converted) in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
}

main()
  .then(async () => {
    await closeDatabase();
    // Exit explicitly: an imported module may hold an idle connection (e.g. a lazily made Redis client).
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error("seed-demo failed:", error instanceof Error ? error.message : error);
    await closeDatabase().catch(() => undefined);
    process.exit(1);
  });
