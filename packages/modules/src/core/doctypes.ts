import { and, eq, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import * as s from "@orchestrator/db/schema";
import { invalidatePrincipals } from "@orchestrator/auth";
import { canRead, categories, grantFor, isCustomerScoped, readPredicate, type DocTypeDef, type DocTypeRegistry, type Principal, type VersionData } from "@orchestrator/db";
import { standardOf } from "../registry/standard";
import { afterUserWrite } from "./user-hooks";

export const departmentDocType: DocTypeDef = {
  name: "Department",
  table: s.departments,
  standard: standardOf(s.departments),
  // Everyone signed in may read the department tree (forms need it); only `admin` writers change it.
  category: "admin",
  scope: { kind: "custom", predicate: () => undefined },
  naming: { kind: "field", field: "department_name" },
  titleField: "department_name",
  searchFields: ["department_name"],
  fields: {
    department_name: { column: s.departments.departmentName, type: "data", label: "Department name", required: true },
    parent_department: { column: s.departments.parentDepartment, type: "link", linkTo: "Department", label: "Parent department" },
    manager: { column: s.departments.manager, type: "link", linkTo: "User", label: "Manager" },
    is_group: { column: s.departments.isGroup, type: "check", label: "Is group" },
  },
};

export const userDocType: DocTypeDef = {
  name: "User",
  table: s.users,
  standard: standardOf(s.users),
  category: "admin",
  // Named by email, as in Frappe. A user reads their own record; `admin` readers (scope all) read everyone.
  scope: { kind: "self", field: "name" },
  naming: { kind: "field", field: "email" },
  afterWrite: afterUserWrite,
  titleField: "full_name",
  searchFields: ["full_name", "email"],
  fields: {
    email: { column: s.users.email, type: "data", label: "Email", required: true },
    full_name: { column: s.users.fullName, type: "data", label: "Full name", required: true },
    enabled: { column: s.users.enabled, type: "check", label: "Enabled" },
    last_login: { column: s.users.lastLogin, type: "datetime", label: "Last login", readOnly: true },
    password_hash: { column: s.users.passwordHash, type: "data", label: "Password", hidden: true, sensitive: true },
  },
  children: {
    roles: {
      doctype: "Has Role",
      table: s.userRoles,
      standard: standardOf(s.userRoles),
      parent: s.userRoles.user,
      idx: s.userRoles.idx,
      category: "admin",
      fields: { role: { column: s.userRoles.role, type: "link", linkTo: "Role", label: "Role", required: true } },
    },
    departments: {
      doctype: "User Department",
      table: s.userDepartments,
      standard: standardOf(s.userDepartments),
      parent: s.userDepartments.user,
      idx: s.userDepartments.idx,
      category: "admin",
      fields: { department: { column: s.userDepartments.department, type: "link", linkTo: "Department", label: "Department", required: true } },
    },
  },
};

export const roleDocType: DocTypeDef = {
  name: "Role",
  table: s.roles,
  standard: standardOf(s.roles),
  category: "admin",
  // Role names are not sensitive: everyone signed in may read them (the user menu shows them).
  scope: { kind: "custom", predicate: () => undefined },
  naming: { kind: "prompt" },
  // A change to the permission rows (through tRPC or REST) applies to every signed-in user at once.
  afterWrite: async (event) => {
    if (event.action === "delete" || event.changed.includes("permissions")) await invalidatePrincipals();
  },
  titleField: "description",
  fields: { description: { column: s.roles.description, type: "data", label: "Description", maxLength: 255 } },
  // The role x category matrix as child rows: a Super Admin's change is audited like any document's.
  children: {
    permissions: {
      doctype: "Role Permission",
      table: s.rolePermissions,
      standard: standardOf(s.rolePermissions),
      parent: s.rolePermissions.role,
      idx: s.rolePermissions.idx,
      category: "admin",
      fields: {
        category: { column: s.rolePermissions.category, type: "select", options: categories, label: "Category", required: true },
        access: { column: s.rolePermissions.access, type: "select", options: ["none", "read", "write"], label: "Access", required: true },
        scope: { column: s.rolePermissions.scope, type: "select", options: ["all", "own_dept", "own_customer", "own_team"], label: "Scope", required: true },
      },
    },
  },
};

/** The registry as the Version DocType sees it: it also needs every definition (for private DocTypes). */
type FullRegistry = DocTypeRegistry & { all(): DocTypeDef[] };

/**
 * The history of private (`owner`-scoped) documents: only their owner's own changes, for every role
 * (an auditor reading all history must not learn of another user's saved views either).
 */
function privateHistory(registry: () => FullRegistry, principal: Principal): { doctypes: string[]; own: SQL | undefined } {
  const doctypes = registry().all().filter((d) => d.scope.kind === "owner").map((d) => d.name);
  if (!doctypes.length || principal.system) return { doctypes: [], own: undefined };
  return { doctypes, own: and(inArray(s.versions.refDoctype, doctypes), eq(s.versions.owner, principal.user)) as SQL };
}

/** DocTypes whose history follows their documents' read scope for readers without `admin` read-all. */
const auditedDocTypes = ["Client", "Task", "Medical Template", "Program", "Department", "User", "HD Ticket", "HD Ticket Comment", "HD Ticket Activity", "HD Team", "HD Agent", "HD Ticket Type", "HD Ticket Priority", "HD Ticket Status", "HD Service Level Agreement", "HD Customer", "Contact", "HD Article", "HD Article Category", "HD Canned Response", "CRM Lead", "CRM Deal", "CRM Organization", "CRM Task", "CRM Note", "CRM Team", "CRM Deal Status", "CRM Lead Source", "CRM Call Log", "CRM SMS Log"];

/** Which documents' history a principal may read: the history of the documents they may read. */
function versionPredicate(registry: () => FullRegistry, principal: Principal): SQL | undefined {
  const personal = privateHistory(registry, principal);
  const admin = grantFor(principal, "admin");
  if (admin.access !== "none" && admin.scope === "all") {
    return personal.own ? (or(notInArray(s.versions.refDoctype, personal.doctypes), personal.own) as SQL) : undefined;
  }
  const parts: SQL[] = personal.own ? [personal.own] : [];
  for (const dt of auditedDocTypes) {
    const def = registry().get(dt);
    if (!def) continue;
    const categories = def.rowCategory ? Object.values(def.rowCategory.values) : [def.category];
    if (def.scope.kind !== "self" && def.scope.kind !== "custom" && !categories.some((c) => canRead(principal, c))) continue;
    // Portal contacts read their tickets, never the staff-side history of them.
    if (categories.every((c) => isCustomerScoped(principal, c))) continue;
    const predicate = readPredicate(principal, def);
    parts.push(
      and(
        eq(s.versions.refDoctype, dt),
        sql`exists (select 1 from ${def.table} where ${def.standard.name} = ${s.versions.docname}${predicate ? sql` and ${predicate}` : sql``})`,
      ) as SQL,
    );
  }
  return parts.length ? (or(...parts) as SQL) : sql`1 = 0`;
}

/** Drops the parts of a Version diff the reader may not see (child tables and fields of other categories). */
function stripVersion(registry: () => FullRegistry, row: Record<string, unknown>, principal: Principal): Record<string, unknown> {
  const def = registry().get(String(row.ref_doctype));
  const data = row.data as VersionData | undefined;
  if (!def || !data || typeof data !== "object") return row;
  const hiddenTables = new Set(Object.entries(def.children ?? {}).filter(([, c]) => !canRead(principal, c.category)).map(([k]) => k));
  const hiddenFields = new Set(Object.entries(def.fields).filter(([, f]) => f.hidden || (f.category && !canRead(principal, f.category))).map(([k]) => k));
  return {
    ...row,
    data: {
      changed: (data.changed ?? []).filter(([f]) => !hiddenFields.has(f)),
      added: (data.added ?? []).filter(([t]) => !hiddenTables.has(t)),
      removed: (data.removed ?? []).filter(([t]) => !hiddenTables.has(t)),
      row_changed: (data.row_changed ?? []).filter(([t]) => !hiddenTables.has(t)),
    },
  };
}

export function versionDocType(registry: () => FullRegistry): DocTypeDef {
  return {
    name: "Version",
    table: s.versions,
    standard: { name: s.versions.name, creation: s.versions.creation, modified: s.versions.creation, owner: s.versions.owner, modified_by: s.versions.owner },
    category: "admin",
    scope: { kind: "custom", predicate: (p) => versionPredicate(registry, p) },
    naming: { kind: "random" },
    readOnly: true,
    titleField: "docname",
    fields: {
      ref_doctype: { column: s.versions.refDoctype, type: "data", label: "Document type" },
      docname: { column: s.versions.docname, type: "data", label: "Document" },
      action: { column: s.versions.action, type: "select", options: ["create", "update", "delete"], label: "Action" },
      data: { column: s.versions.data, type: "json", label: "Changes" },
      request_id: { column: s.versions.requestId, type: "data", label: "Request" },
      ip: { column: s.versions.ip, type: "data", label: "IP" },
    },
    transformOut: (row, principal) => stripVersion(registry, row, principal),
  };
}

