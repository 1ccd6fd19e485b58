import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { generateApiKeys, invalidatePrincipals, listApiKeys, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, revokeApiKey, setUserPassword } from "@orchestrator/auth";
import { AppError, canWrite, categories, grantFor, type Filter, type ScopedDb } from "@orchestrator/db";
import { createTRPCRouter } from "../trpc/init";
import { protectedProcedure } from "../trpc/procedures";

/**
 * Administration. Every data read and write goes through the caller's ScopedDb, so the Super Admin's
 * grants decide and each change writes its Version row in the same transaction. The guard below only
 * answers early (FORBIDDEN) for callers without `admin` write on all records; it grants nothing.
 */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  const grant = grantFor(ctx.principal, "admin");
  if (!canWrite(ctx.principal, "admin") || (grant.writeScope ?? grant.scope) !== "all") throw new TRPCError({ code: "FORBIDDEN", message: "Administration needs the admin write permission" });
  return next();
});

const name = z.string().min(1).max(140);
const password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);
const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

const userRow = z.object({ name: z.string(), email: z.string(), full_name: z.string(), enabled: z.boolean(), last_login: z.string().nullable() });
const userDoc = userRow.extend({ modified: z.string(), roles: z.array(z.string()), departments: z.array(z.string()) });
type UserDoc = z.infer<typeof userDoc>;

function toUserRow(r: Record<string, unknown>): z.infer<typeof userRow> {
  return { name: str(r.name), email: str(r.email), full_name: str(r.full_name), enabled: Boolean(Number(r.enabled)), last_login: strOrNull(r.last_login) };
}

async function getUser(scoped: ScopedDb, user: string): Promise<UserDoc> {
  const doc = await scoped.get("User", user);
  const rows = (key: string, field: string) => ((doc[key] as Record<string, unknown>[] | undefined) ?? []).map((r) => str(r[field]));
  return { ...toUserRow(doc), modified: str(doc.modified), roles: rows("roles", "role"), departments: rows("departments", "department") };
}

/** Child rows for a new membership list, keeping the rows (and names) of entries that stay. */
function membershipRows(doc: Record<string, unknown>, key: string, field: string, wanted: readonly string[]): Record<string, unknown>[] {
  const existing = new Map(((doc[key] as Record<string, unknown>[] | undefined) ?? []).map((r) => [str(r[field]), str(r.name)]));
  return [...new Set(wanted)].map((value) => (existing.has(value) ? { name: existing.get(value), [field]: value } : { [field]: value }));
}

const departmentRow = z.object({ name: z.string(), department_name: z.string(), parent_department: z.string().nullable(), is_group: z.boolean(), manager: z.string().nullable() });
const departmentFields = ["name", "department_name", "parent_department", "is_group", "manager"];
function toDepartment(r: Record<string, unknown>): z.infer<typeof departmentRow> {
  return { name: str(r.name), department_name: str(r.department_name), parent_department: strOrNull(r.parent_department), is_group: Boolean(Number(r.is_group)), manager: strOrNull(r.manager) };
}

/** Moving `department` under `parent` must not make it its own ancestor. */
async function assertNoCycle(scoped: ScopedDb, department: string, parent: string | null): Promise<void> {
  if (!parent) return;
  const all = await scoped.list("Department", { fields: ["name", "parent_department"], limit: 0 });
  const parentOf = new Map(all.map((r) => [str(r.name), strOrNull(r.parent_department)]));
  if (!parentOf.has(parent)) throw AppError.validation([{ field: "parent_department", message: `Department ${parent} not found` }]);
  for (let at: string | null = parent, steps = 0; at && steps <= parentOf.size; at = parentOf.get(at) ?? null, steps++) {
    if (at === department) throw AppError.validation([{ field: "parent_department", message: `${department} cannot be moved under itself or one of its descendants` }]);
  }
}

const accessLevel = z.enum(["none", "read", "write"]);
const accessScope = z.enum(["all", "own_dept", "own_customer", "own_team"]);
const category = z.enum(categories);
const cell = z.object({ role: z.string(), category, access: accessLevel, scope: accessScope });

async function readMatrix(scoped: ScopedDb) {
  const roles = (await scoped.list("Role", { fields: ["name"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 })).map((r) => str(r.name));
  const docs = await Promise.all(roles.map((role) => scoped.get("Role", role)));
  const cells: z.infer<typeof cell>[] = [];
  for (const doc of docs) {
    for (const row of (doc.permissions as Record<string, unknown>[] | undefined) ?? []) {
      const parsed = cell.safeParse({ role: doc.name, category: row.category, access: row.access, scope: row.scope });
      if (parsed.success) cells.push(parsed.data);
    }
  }
  return { roles, categories: [...categories], cells };
}

const versionRow = z.object({ name: z.string(), ref_doctype: z.string(), docname: z.string(), action: z.string(), owner: z.string(), creation: z.string(), data: z.unknown() });

const apiKeyInfo = z.object({ apiKey: z.string(), label: z.string(), creation: z.string(), lastUsed: z.string().nullable(), revokedAt: z.string().nullable() });

export const adminRouter = createTRPCRouter({
  users: createTRPCRouter({
    list: adminProcedure
      .input(z.object({ search: z.string().max(140).optional(), start: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(20) }))
      .output(z.object({ rows: z.array(userRow), total: z.number() }))
      .query(async ({ ctx, input }) => {
        const query = { search: input.search || undefined };
        const [rows, total] = await Promise.all([
          ctx.scoped.list("User", { ...query, fields: ["name", "email", "full_name", "enabled", "last_login"], orderBy: [{ field: "full_name", direction: "asc" }], start: input.start, limit: input.limit }),
          ctx.scoped.count("User", query),
        ]);
        return { rows: rows.map(toUserRow), total };
      }),

    get: adminProcedure.input(z.object({ name })).output(userDoc).query(({ ctx, input }) => getUser(ctx.scoped, input.name)),

    /** Creates the user (audited with roles and departments), then sets the initial password (audited, masked). */
    create: adminProcedure
      .input(z.object({ email: z.email().max(140), fullName: z.string().trim().min(1).max(140), password, roles: z.array(name).default([]), departments: z.array(name).default([]) }))
      .output(userDoc)
      .mutation(async ({ ctx, input }) => {
        const doc = await ctx.scoped.insert("User", {
          email: input.email,
          full_name: input.fullName,
          enabled: 1,
          roles: [...new Set(input.roles)].map((role) => ({ role })),
          departments: [...new Set(input.departments)].map((department) => ({ department })),
        });
        await setUserPassword(doc.name, input.password, { actor: ctx.principal.user, meta: ctx.scoped.meta });
        return getUser(ctx.scoped, doc.name);
      }),

    /** Disabling ends the user's sessions and refuses their API keys at once (the User hook). */
    setEnabled: adminProcedure
      .input(z.object({ name, enabled: z.boolean() }))
      .output(userDoc)
      .mutation(async ({ ctx, input }) => {
        if (!input.enabled && input.name === ctx.principal.user) throw AppError.validation([{ field: "enabled", message: "You cannot disable your own account" }]);
        await ctx.scoped.update("User", input.name, { enabled: input.enabled ? 1 : 0 });
        return getUser(ctx.scoped, input.name);
      }),

    /** Sets a new password and ends the user's sessions; the audit row masks it. */
    resetPassword: adminProcedure
      .input(z.object({ name, password }))
      .output(z.object({ sessionsEnded: z.number() }))
      .mutation(async ({ ctx, input }) => {
        await ctx.scoped.get("User", input.name); // in the caller's scope, or NOT_FOUND
        return setUserPassword(input.name, input.password, { actor: ctx.principal.user, meta: ctx.scoped.meta });
      }),

    /** Replaces the user's roles and departments (one audited update; the principal reloads at once). */
    setMembership: adminProcedure
      .input(z.object({ name, roles: z.array(name), departments: z.array(name), modified: z.string().optional() }))
      .output(userDoc)
      .mutation(async ({ ctx, input }) => {
        const doc = await ctx.scoped.get("User", input.name);
        await ctx.scoped.update(
          "User",
          input.name,
          { roles: membershipRows(doc, "roles", "role", input.roles), departments: membershipRows(doc, "departments", "department", input.departments) },
          { expectedModified: input.modified },
        );
        return getUser(ctx.scoped, input.name);
      }),
  }),

  departments: createTRPCRouter({
    /** Every department with its parent; the UI builds the tree. */
    list: adminProcedure.output(z.array(departmentRow)).query(async ({ ctx }) => {
      const rows = await ctx.scoped.list("Department", { fields: departmentFields, orderBy: [{ field: "department_name", direction: "asc" }], limit: 0 });
      return rows.map(toDepartment);
    }),

    create: adminProcedure
      .input(z.object({ departmentName: z.string().trim().min(1).max(140), parent: name.nullable().default(null), isGroup: z.boolean().default(false) }))
      .output(departmentRow)
      .mutation(async ({ ctx, input }) => {
        if (input.parent) await assertNoCycle(ctx.scoped, input.departmentName, input.parent);
        return toDepartment(await ctx.scoped.insert("Department", { department_name: input.departmentName, parent_department: input.parent, is_group: input.isGroup ? 1 : 0 }));
      }),

    /** Changes the title; the document name (which links point at) stays. */
    rename: adminProcedure
      .input(z.object({ name, departmentName: z.string().trim().min(1).max(140) }))
      .output(departmentRow)
      .mutation(async ({ ctx, input }) => toDepartment(await ctx.scoped.update("Department", input.name, { department_name: input.departmentName }))),

    /** Moves a department under another (or to the top); refuses cycles. */
    move: adminProcedure
      .input(z.object({ name, parent: name.nullable() }))
      .output(departmentRow)
      .mutation(async ({ ctx, input }) => {
        await assertNoCycle(ctx.scoped, input.name, input.parent);
        return toDepartment(await ctx.scoped.update("Department", input.name, { parent_department: input.parent }));
      }),
  }),

  permissions: createTRPCRouter({
    /** Roles x categories; a missing cell is no access. */
    matrix: adminProcedure
      .output(z.object({ roles: z.array(z.string()), categories: z.array(z.string()), cells: z.array(cell) }))
      .query(({ ctx }) => readMatrix(ctx.scoped)),

    /** Sets one cell as an audited update of the Role's permission rows, effective at once for every user. */
    set: adminProcedure
      .input(z.object({ role: name, category, access: accessLevel, scope: accessScope }))
      .output(cell)
      .mutation(async ({ ctx, input }) => {
        const doc = await ctx.scoped.get("Role", input.role);
        const rows = ((doc.permissions as Record<string, unknown>[] | undefined) ?? []).map((r) => ({ name: str(r.name), category: str(r.category), access: str(r.access), scope: str(r.scope) }));
        const existing = rows.find((r) => r.category === input.category);
        if (existing) Object.assign(existing, { access: input.access, scope: input.scope });
        else rows.push({ category: input.category, access: input.access, scope: input.scope } as (typeof rows)[number]);
        await ctx.scoped.update("Role", input.role, { permissions: rows });
        await invalidatePrincipals();
        return { role: input.role, category: input.category, access: input.access, scope: input.scope };
      }),
  }),

  audit: createTRPCRouter({
    /** The audit trail, newest first, filtered by who (owner), document type and date range. */
    list: adminProcedure
      .input(
        z.object({
          owner: z.string().max(140).optional(),
          doctype: z.string().max(140).optional(),
          docname: z.string().max(140).optional(),
          from: z.iso.date().optional(),
          to: z.iso.date().optional(),
          start: z.number().int().min(0).default(0),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      )
      .output(z.object({ rows: z.array(versionRow), total: z.number() }))
      .query(async ({ ctx, input }) => {
        const filters: Filter[] = [];
        if (input.owner) filters.push({ field: "owner", operator: "=", value: input.owner });
        if (input.doctype) filters.push({ field: "ref_doctype", operator: "=", value: input.doctype });
        if (input.docname) filters.push({ field: "docname", operator: "=", value: input.docname });
        if (input.from) filters.push({ field: "creation", operator: ">=", value: `${input.from} 00:00:00` });
        if (input.to) filters.push({ field: "creation", operator: "<=", value: `${input.to} 23:59:59.999999` });
        const [rows, total] = await Promise.all([
          ctx.scoped.list("Version", { filters, fields: ["name", "ref_doctype", "docname", "action", "owner", "creation", "data"], orderBy: [{ field: "creation", direction: "desc" }], start: input.start, limit: input.limit }),
          ctx.scoped.count("Version", { filters }),
        ]);
        return { rows: rows.map((r) => ({ name: str(r.name), ref_doctype: str(r.ref_doctype), docname: str(r.docname), action: str(r.action), owner: str(r.owner), creation: str(r.creation), data: r.data })), total };
      }),
  }),

  /** The signed-in user's own API keys: open to every signed-in user, never anyone else's keys. */
  apiKeys: createTRPCRouter({
    list: protectedProcedure.output(z.array(apiKeyInfo)).query(({ ctx }) => listApiKeys(ctx.principal.user)),

    /** The secret is in this answer only; it is stored hashed. */
    create: protectedProcedure
      .input(z.object({ label: z.string().trim().max(140).default("") }))
      .output(z.object({ apiKey: z.string(), apiSecret: z.string() }))
      .mutation(async ({ ctx, input }) => {
        const pair = await generateApiKeys(ctx.principal.user, input.label);
        return { apiKey: pair.api_key, apiSecret: pair.api_secret };
      }),

    revoke: protectedProcedure
      .input(z.object({ apiKey: z.string().min(1).max(64) }))
      .output(z.object({ ok: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        const mine = await listApiKeys(ctx.principal.user);
        if (!mine.some((k) => k.apiKey === input.apiKey)) throw AppError.notFound("API Key", input.apiKey);
        await revokeApiKey(input.apiKey);
        return { ok: true as const };
      }),
  }),
});
