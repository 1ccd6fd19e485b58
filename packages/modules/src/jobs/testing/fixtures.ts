/**
 * Test fixtures for the background-job tests: the demo access model, principals built from the
 * default role matrix, and a fresh client and template per test so tests never share rows.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { defaultMatrix, mergeGrants, type Principal, type RoleName } from "@orchestrator/db";
import { schema as s, unsafeSystemDb } from "@orchestrator/db/system";
import { demoUsers, isDatabaseEmpty, seedDemo, type DemoUser } from "@orchestrator/db/testing";
import type { LoadPrincipal } from "../types";

export async function ensureSeeded(): Promise<void> {
  const db = unsafeSystemDb();
  if (await isDatabaseEmpty(db)) await seedDemo(db, { passwordHash: "not-a-real-hash", clientCount: 4 });
}

export function principalOf(user: DemoUser): Principal {
  const rows = Object.entries(defaultMatrix[user.role]).map(([category, grant]) => ({ category, ...grant }));
  return { user: user.email, fullName: user.fullName, roles: [user.role], departments: [user.department], grants: mergeGrants(rows) };
}

export function demoPrincipal(role: RoleName): Principal {
  const user = demoUsers.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return principalOf(user);
}

/** Like auth's loadPrincipal over the demo users: null for anyone else (a deleted or disabled user). */
export const loadDemoPrincipal: LoadPrincipal = async (user) => {
  const found = demoUsers.find((u) => u.email === user);
  return found ? principalOf(found) : null;
};

const suffix = () => randomBytes(4).toString("hex");
const stamp = () => {
  const now = new Date().toISOString().replace("T", " ").replace("Z", "");
  return { creation: now, modified: now, owner: "fixtures", modifiedBy: "fixtures" };
};

export async function createTestClient(department: "Medical" | "Program"): Promise<string> {
  const name = `CL-T${suffix()}`;
  await unsafeSystemDb().insert(s.clients).values({ name, firstName: "Test", lastName: "Client", department, status: "active", ...stamp() });
  return name;
}

export interface TestTemplate {
  name: string;
  tasks: { name: string; title: string; offsetDays: number }[];
}

export async function createTestTemplate(tasks: [title: string, offsetDays: number][], options: { active?: boolean } = {}): Promise<TestTemplate> {
  const name = `Template ${suffix()}`;
  const db = unsafeSystemDb();
  await db.insert(s.medicalTemplates).values({ name, title: name, isActive: options.active ?? true, ...stamp() });
  const rows = tasks.map(([title, offsetDays], i) => ({ name: `MTT-${suffix()}`, parent: name, idx: i + 1, title, offsetDays, ...stamp() }));
  if (rows.length) await db.insert(s.medicalTemplateTasks).values(rows);
  return { name, tasks: rows.map(({ name, title, offsetDays }) => ({ name, title, offsetDays })) };
}

export async function tasksOf(client: string) {
  return unsafeSystemDb().select().from(s.tasks).where(eq(s.tasks.client, client)).orderBy(s.tasks.dueDate, s.tasks.title);
}

export async function assignmentsOf(client: string) {
  return unsafeSystemDb().select().from(s.medicalAssignments).where(eq(s.medicalAssignments.parent, client));
}

export async function versionsOf(doctype: string, docname: string) {
  return unsafeSystemDb().select().from(s.versions).where(and(eq(s.versions.refDoctype, doctype), eq(s.versions.docname, docname))).orderBy(s.versions.id);
}

/** `2026-11-24` + n days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export { eventually } from "@orchestrator/db/testing";
