import { count, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { categories } from "../access/model";
import { crmRoleNames, helpdeskRoleNames, roleDescriptions, roleNames, seededRoleMatrix, serviceRoleNames, type RoleName } from "../access/default-matrix";
import type { Database } from "../client";
import * as s from "../schema";
import { formatTimestamp } from "../scope/time";

export interface DemoUser {
  email: string;
  fullName: string;
  role: RoleName;
  department: string;
}

export const demoDepartments = ["Medical", "Program", "Finance", "HR", "Administration"] as const;
const ROOT_DEPARTMENT = "All Departments";

export const demoUsers: DemoUser[] = [
  { email: "admin@demo.orchestrator.test", fullName: "Avery Admin", role: "Super Admin", department: "Administration" },
  { email: "medical@demo.orchestrator.test", fullName: "Morgan Medic", role: "Medical Staff", department: "Medical" },
  { email: "program@demo.orchestrator.test", fullName: "Parker Program", role: "Program Staff", department: "Program" },
  { email: "hr@demo.orchestrator.test", fullName: "Harper HR", role: "HR Manager", department: "HR" },
  { email: "finance@demo.orchestrator.test", fullName: "Finley Finance", role: "Finance Manager", department: "Finance" },
  { email: "supervisor@demo.orchestrator.test", fullName: "Sam Supervisor", role: "Supervisor", department: "Administration" },
];

/**
 * The service account scheduled syncs act as (role Integration). It has no password: nobody signs
 * in as it; the worker loads its permissions by name.
 */
export const integrationUser = { email: "integration@demo.orchestrator.test", fullName: "Integration Service", role: "Integration", department: "Administration" } as const;

const templates = [
  { name: "Detox Protocol", description: "Medically supervised withdrawal", tasks: [["Baseline vitals and CIWA-Ar", 0], ["Physician detox assessment", 0], ["Vitals every 4 hours review", 1], ["Medication taper review", 3], ["Detox completion sign-off", 7]] },
  { name: "Medication Management", description: "Psychiatric medication follow-up", tasks: [["Medication reconciliation", 0], ["Psychiatric evaluation", 2], ["Side-effect check", 14]] },
  { name: "Intake Assessment", description: "Nursing intake on admission", tasks: [["Nursing intake", 0], ["TB screening", 1], ["History and physical", 1], ["Lab work", 2]] },
] as const;

const programNames = [
  ["Intensive Outpatient", "IOP, three sessions a week"],
  ["Partial Hospitalization", "PHP, day programme"],
  ["Family Program", "Weekend family sessions"],
  ["Relapse Prevention", "Skills group"],
] as const;

const firstNames = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas", "Mia", "Mateo", "Amelia", "Levi", "Harper", "Ezra", "Evelyn", "Kai", "Aria", "Leo", "Chloé", "Zoë", "Jun", "Priya", "Tomás", "Aisha"];
const lastNames = ["García", "Smith", "Nguyen", "Johnson", "Kowalski", "Okafor", "Brown", "Müller", "Rossi", "Tanaka", "Davis", "Martin", "O'Brien", "Silva", "Khan", "Lee"];

/** A small deterministic generator so the demo data is the same on every machine. */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function dateOffset(base: Date, days: number): string {
  return new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function stamp(actor = "system") {
  const now = formatTimestamp(BigInt(Date.now()) * 1000n);
  return { creation: now, modified: now, owner: actor, modifiedBy: actor };
}

/** Departments, roles and the default role x category matrix. Idempotent. */
export async function seedAccessModel(db: Database): Promise<void> {
  const st = stamp();
  await db.insert(s.departments).values({ name: ROOT_DEPARTMENT, departmentName: ROOT_DEPARTMENT, isGroup: true, ...st }).onDuplicateKeyUpdate({ set: { isGroup: true } });
  for (const d of demoDepartments) {
    await db.insert(s.departments).values({ name: d, departmentName: d, parentDepartment: ROOT_DEPARTMENT, ...st }).onDuplicateKeyUpdate({ set: { parentDepartment: ROOT_DEPARTMENT } });
  }
  for (const role of [...roleNames, ...serviceRoleNames, ...helpdeskRoleNames, ...crmRoleNames]) {
    await db.insert(s.roles).values({ name: role, description: roleDescriptions[role], ...st }).onDuplicateKeyUpdate({ set: { description: roleDescriptions[role] } });
    for (const category of categories) {
      const grant = seededRoleMatrix[role][category] ?? { access: "none" as const, scope: "own_dept" as const };
      await db.insert(s.rolePermissions).values({ role, category, access: grant.access, scope: grant.scope }).onDuplicateKeyUpdate({ set: { role } });
    }
  }
}

/** `passwordHash: null` makes a service account that cannot sign in. */
export async function createUser(db: Database, input: { email: string; fullName: string; passwordHash: string | null; roles: string[]; departments: string[] }): Promise<void> {
  const st = stamp();
  await db.insert(s.users).values({ name: input.email, email: input.email, fullName: input.fullName, passwordHash: input.passwordHash, enabled: true, ...st });
  if (input.roles.length) await db.insert(s.userRoles).values(input.roles.map((role) => ({ user: input.email, role })));
  if (input.departments.length) await db.insert(s.userDepartments).values(input.departments.map((department) => ({ user: input.email, department })));
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.users);
  return Number(row?.n ?? 0) === 0;
}

/**
 * The demo data set: the access model, six demo users (one per role), templates, programs and
 * `clientCount` clients over the Medical and Program departments with assignments and tasks.
 */
export async function seedDemo(db: Database, options: { passwordHash: string; clientCount?: number }): Promise<{ clients: number; tasks: number }> {
  const clientCount = options.clientCount ?? 64;
  await seedAccessModel(db);
  for (const u of demoUsers) await createUser(db, { email: u.email, fullName: u.fullName, passwordHash: options.passwordHash, roles: [u.role], departments: [u.department] });
  await createUser(db, { email: integrationUser.email, fullName: integrationUser.fullName, passwordHash: null, roles: [integrationUser.role], departments: [integrationUser.department] });

  const st = stamp("admin@demo.orchestrator.test");
  const templateTasks = new Map<string, { name: string; title: string; offsetDays: number }[]>();
  for (const t of templates) {
    await db.insert(s.medicalTemplates).values({ name: t.name, title: t.name, description: t.description, ...st });
    const rows = t.tasks.map(([title, offsetDays], i) => ({ name: uuidv7(), parent: t.name, idx: i + 1, title, offsetDays, ...st }));
    await db.insert(s.medicalTemplateTasks).values(rows);
    templateTasks.set(t.name, rows);
  }
  for (const [title, description] of programNames) await db.insert(s.programs).values({ name: title, title, description, ...st });

  const random = rng(20261124);
  const today = new Date();
  const clientRows: (typeof s.clients.$inferInsert)[] = [];
  const medical: (typeof s.medicalAssignments.$inferInsert)[] = [];
  const program: (typeof s.programAssignments.$inferInsert)[] = [];
  const taskRows: (typeof s.tasks.$inferInsert)[] = [];
  let taskNo = 0;
  for (let i = 1; i <= clientCount; i++) {
    const name = `CL-${String(i).padStart(5, "0")}`;
    const department = i % 2 === 1 ? "Medical" : "Program";
    const status = (["active", "active", "active", "pending", "discharged"] as const)[Math.floor(random() * 5)]!;
    const admitted = -Math.floor(random() * 120) - 1;
    clientRows.push({
      name,
      firstName: firstNames[Math.floor(random() * firstNames.length)]!,
      lastName: lastNames[Math.floor(random() * lastNames.length)]!,
      dob: dateOffset(new Date("1960-01-01"), Math.floor(random() * 365 * 45)),
      status,
      admissionDate: status === "pending" ? null : dateOffset(today, admitted),
      dischargeDate: status === "discharged" ? dateOffset(today, admitted + 28) : null,
      department,
      kipuId: i % 3 === 0 ? `KIPU-${1000 + i}` : null,
      syncedFromKipu: i % 3 === 0,
      kipuLastSyncedAt: i % 3 === 0 ? st.creation : null,
      ...st,
    });
    const template = templates[i % templates.length]!;
    medical.push({ name: uuidv7(), parent: name, idx: 1, templateId: template.name, status: "active", activatedAt: st.creation, taskGenerationMetadata: { generated: template.tasks.length, by: "seed" }, ...st });
    const [programTitle] = programNames[i % programNames.length]!;
    program.push({ name: uuidv7(), parent: name, idx: 1, programId: programTitle, status: status === "discharged" ? "completed" : "active", startDate: status === "pending" ? null : dateOffset(today, admitted + 1), groupAssignment: `Group ${String.fromCharCode(65 + (i % 4))}`, ...st });
    for (const tt of templateTasks.get(template.name) ?? []) {
      taskNo += 1;
      taskRows.push({ name: `TASK-${String(taskNo).padStart(5, "0")}`, client: name, department, category: "medical", title: tt.title, dueDate: dateOffset(today, admitted + tt.offsetDays), status: random() < 0.5 ? "done" : "open", sourceTemplate: template.name, sourceTemplateTask: tt.name, assignee: department === "Medical" ? "medical@demo.orchestrator.test" : null, ...st });
    }
    taskNo += 1;
    taskRows.push({ name: `TASK-${String(taskNo).padStart(5, "0")}`, client: name, department, category: "program", title: `${programTitle} weekly check-in`, dueDate: dateOffset(today, 3), status: "open", assignee: department === "Program" ? "program@demo.orchestrator.test" : null, ...st });
  }
  for (let i = 0; i < clientRows.length; i += 500) await db.insert(s.clients).values(clientRows.slice(i, i + 500));
  for (let i = 0; i < medical.length; i += 500) await db.insert(s.medicalAssignments).values(medical.slice(i, i + 500));
  for (let i = 0; i < program.length; i += 500) await db.insert(s.programAssignments).values(program.slice(i, i + 500));
  for (let i = 0; i < taskRows.length; i += 500) await db.insert(s.tasks).values(taskRows.slice(i, i + 500));
  await db.insert(s.namingSeries).values([{ prefix: "CL-", current: clientCount }, { prefix: "TASK-", current: taskNo }]).onDuplicateKeyUpdate({ set: { current: sql`GREATEST(${s.namingSeries.current}, VALUES(${s.namingSeries.current}))` } });
  return { clients: clientCount, tasks: taskNo };
}
