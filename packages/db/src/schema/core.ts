import { sql } from "drizzle-orm";
import { bigint, boolean, datetime, index, int, json, mysqlEnum, mysqlTable, primaryKey, text, varchar } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

export const accessLevels = ["none", "read", "write"] as const;
/**
 * `own_customer`: only rows of the customers the user is a contact of (helpdesk portal users).
 * `own_team`: rows the user owns or their CRM teams' rows (sales users and managers).
 */
export const accessScopes = ["all", "own_dept", "own_customer", "own_team"] as const;

/** Departments form a tree through `parent_department`. Named by their title, like Frappe. */
export const departments = mysqlTable(
  "departments",
  {
    name: nameKey(),
    departmentName: varchar("department_name", { length: 140 }).notNull(),
    parentDepartment: link("parent_department"),
    manager: link("manager"),
    isGroup: boolean("is_group").notNull().default(false),
    ...timestamps(),
  },
  (t) => [index("departments_parent_idx").on(t.parentDepartment)],
);

/** Users are named by their email, as in Frappe. */
export const users = mysqlTable("users", {
  name: nameKey(),
  email: varchar("email", { length: 140 }).notNull().unique(),
  fullName: varchar("full_name", { length: 140 }).notNull(),
  passwordHash: varchar("password_hash", { length: 255 }),
  enabled: boolean("enabled").notNull().default(true),
  lastLogin: datetime("last_login", { mode: "string", fsp: 6 }),
  ...timestamps(),
});

export const roles = mysqlTable("roles", {
  name: nameKey(),
  description: varchar("description", { length: 255 }).notNull().default(""),
  ...timestamps(),
});

/**
 * Child-table columns with database defaults, so membership rows can be written either as plain
 * (user, role) pairs by system code or as audited child rows of User (Frappe's "Has Role").
 */
const childRowColumns = () => ({
  name: varchar("name", { length: 140 }).notNull().unique().default(sql`(uuid())`),
  idx: int("idx").notNull().default(0),
  creation: datetime("creation", { mode: "string", fsp: 6 }).notNull().default(sql`current_timestamp(6)`),
  modified: datetime("modified", { mode: "string", fsp: 6 }).notNull().default(sql`current_timestamp(6)`),
  owner: varchar("owner", { length: 140 }).notNull().default("system"),
  modifiedBy: varchar("modified_by", { length: 140 }).notNull().default("system"),
});

/** The role x data-category matrix, stored as data so a Super Admin can edit it. */
export const rolePermissions = mysqlTable(
  "role_permissions",
  {
    role: link("role").notNull(),
    category: varchar("category", { length: 32 }).notNull(),
    access: mysqlEnum("access", accessLevels).notNull(),
    scope: mysqlEnum("scope", accessScopes).notNull().default("all"),
    // Child-row columns (with defaults): the matrix is edited as audited child rows of Role.
    ...childRowColumns(),
  },
  (t) => [primaryKey({ columns: [t.role, t.category] })],
);

export const userRoles = mysqlTable(
  "user_roles",
  { user: link("user").notNull(), role: link("role").notNull(), ...childRowColumns() },
  (t) => [primaryKey({ columns: [t.user, t.role] }), index("user_roles_role_idx").on(t.role)],
);

export const userDepartments = mysqlTable(
  "user_departments",
  { user: link("user").notNull(), department: link("department").notNull(), ...childRowColumns() },
  (t) => [primaryKey({ columns: [t.user, t.department] }), index("user_departments_department_idx").on(t.department)],
);

/** API keys: the public key is looked up, the secret is stored only as a SHA-256 hash. */
export const apiKeys = mysqlTable(
  "api_keys",
  {
    apiKey: varchar("api_key", { length: 64 }).primaryKey(),
    user: link("user").notNull(),
    secretHash: varchar("secret_hash", { length: 64 }).notNull(),
    label: varchar("label", { length: 140 }).notNull().default(""),
    creation: datetime("creation", { mode: "string", fsp: 6 }).notNull(),
    lastUsed: datetime("last_used", { mode: "string", fsp: 6 }),
    revokedAt: datetime("revoked_at", { mode: "string", fsp: 6 }),
  },
  (t) => [index("api_keys_user_idx").on(t.user)],
);

/** Naming series counters (`CL-` -> 42 gives `CL-00042`), like Frappe's tabSeries. */
export const namingSeries = mysqlTable("naming_series", {
  prefix: varchar("prefix", { length: 64 }).primaryKey(),
  current: int("current").notNull().default(0),
});

/** The audit trail. Exposed over REST as Frappe's `Version` DocType. */
export const versions = mysqlTable(
  "versions",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    name: varchar("name", { length: 40 }).notNull().unique(),
    refDoctype: varchar("ref_doctype", { length: 140 }).notNull(),
    docname: varchar("docname", { length: 140 }).notNull(),
    action: mysqlEnum("action", ["create", "update", "delete"]).notNull(),
    data: json("data").notNull(),
    owner: varchar("owner", { length: 140 }).notNull(),
    creation: datetime("creation", { mode: "string", fsp: 6 }).notNull(),
    requestId: varchar("request_id", { length: 64 }),
    ip: varchar("ip", { length: 64 }),
  },
  (t) => [index("versions_ref_idx").on(t.refDoctype, t.docname, t.creation), index("versions_owner_idx").on(t.owner, t.creation), index("versions_creation_idx").on(t.creation)],
);

/** HIPAA access log: reads of PHI-bearing documents. */
export const accessLog = mysqlTable(
  "access_log",
  {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    user: varchar("user", { length: 140 }).notNull(),
    refDoctype: varchar("ref_doctype", { length: 140 }).notNull(),
    docname: varchar("docname", { length: 140 }).notNull(),
    creation: datetime("creation", { mode: "string", fsp: 6 }).notNull(),
    requestId: varchar("request_id", { length: 64 }),
    ip: varchar("ip", { length: 64 }),
    detail: text("detail"),
  },
  (t) => [index("access_log_ref_idx").on(t.refDoctype, t.docname), index("access_log_user_idx").on(t.user, t.creation)],
);
