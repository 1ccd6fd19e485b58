/** Fixtures for the worker's integration tests: demo users as principals, a client with an active assignment. */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { defaultMatrix, mergeGrants, nextTimestamp, type Principal } from "@orchestrator/db";
import { schema as s, unsafeSystemDb } from "@orchestrator/db/system";
import { demoUsers, isDatabaseEmpty, seedDemo } from "@orchestrator/db/testing";

export async function ensureSeeded(): Promise<void> {
  const db = unsafeSystemDb();
  if (await isDatabaseEmpty(db)) await seedDemo(db, { passwordHash: "not-a-real-hash", clientCount: 4 });
}

/** Like auth's loadPrincipal over the demo users: null for anyone else. */
export async function loadDemoPrincipal(user: string): Promise<Principal | null> {
  const u = demoUsers.find((d) => d.email === user);
  if (!u) return null;
  const rows = Object.entries(defaultMatrix[u.role]).map(([category, grant]) => ({ category, ...grant }));
  return { user: u.email, fullName: u.fullName, roles: [u.role], departments: [u.department], grants: mergeGrants(rows) };
}

/** A marker that must never show up in logs or job data: it stands for PHI. */
export const PHI_MARKER = "Zyxwvutsrq";

/** A Medical client with an active assignment of a fresh template with `taskCount` tasks. */
export async function clientWithActiveAssignment(taskCount: number): Promise<{ client: string; template: string }> {
  const db = unsafeSystemDb();
  const id = randomBytes(4).toString("hex");
  const now = nextTimestamp();
  const st = { creation: now, modified: now, owner: "fixtures", modifiedBy: "fixtures" };
  const client = `CL-W${id}`;
  const template = `Worker template ${id}`;
  await db.insert(s.clients).values({ name: client, firstName: PHI_MARKER, lastName: PHI_MARKER, dob: "1970-01-01", department: "Medical", status: "active", ...st });
  await db.insert(s.medicalTemplates).values({ name: template, title: template, ...st });
  await db.insert(s.medicalTemplateTasks).values(Array.from({ length: taskCount }, (_, i) => ({ name: `WTT-${id}-${i}`, parent: template, idx: i + 1, title: `Task ${i + 1}`, offsetDays: i, ...st })));
  await db.insert(s.medicalAssignments).values({ name: `MA-${id}`, parent: client, idx: 1, templateId: template, status: "active", activatedAt: now, ...st });
  return { client, template };
}

export async function taskCount(client: string): Promise<number> {
  return (await unsafeSystemDb().select({ name: s.tasks.name }).from(s.tasks).where(eq(s.tasks.client, client))).length;
}

export { eventually } from "@orchestrator/db/testing";
