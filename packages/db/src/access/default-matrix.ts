import type { AccessLevel, AccessScope, Category } from "./model";

/**
 * The seed's role matrix, the default data for `role_permissions` (editable by a Super Admin).
 *
 * | Role            | Client view | Medical | Program | HR | Finance |
 * | Super Admin     | All         | RW      | RW      | RW | RW      |
 * | Medical Staff   | Own Dept    | RW      | R       | -  | -       |
 * | Program Staff   | Own Dept    | R       | RW      | -  | -       |
 * | HR Manager      | All         | -       | -       | RW | R       |
 * | Finance Manager | All         | -       | -       | R  | RW      |
 * | Supervisor      | All         | R       | R       | R  | R       |
 *
 * "Client view" is the `client` category: staff edit their own department's clients; managers and
 * the Supervisor read all of them. Medical and program data follow the client's scope for staff.
 */
type Row = { access: AccessLevel; scope: AccessScope };
const rw = (scope: AccessScope = "all"): Row => ({ access: "write", scope });
const r = (scope: AccessScope = "all"): Row => ({ access: "read", scope });

export const roleNames = ["Super Admin", "Medical Staff", "Program Staff", "HR Manager", "Finance Manager", "Supervisor"] as const;
export type RoleName = (typeof roleNames)[number];

export const defaultMatrix: Record<RoleName, Partial<Record<Category, Row>>> = {
  "Super Admin": {
    client: rw(), medical: rw(), program: rw(), hr: rw(), finance: rw(), crm: rw(), helpdesk: rw(),
    documents: rw(), projects: rw(), insights: rw(), admin: rw(),
  },
  "Medical Staff": { client: rw("own_dept"), medical: rw("own_dept"), program: r("own_dept") },
  "Program Staff": { client: rw("own_dept"), medical: r("own_dept"), program: rw("own_dept") },
  "HR Manager": { client: r(), hr: rw(), finance: r() },
  "Finance Manager": { client: r(), hr: r(), finance: rw() },
  Supervisor: { client: r(), medical: r(), program: r(), hr: r(), finance: r(), admin: r() },
};

/**
 * Roles for service accounts rather than people, seeded with the same matrix mechanics. Kept apart
 * from `roleNames` (the seed's six staff roles, DESIGN §3), which the UI and tests enumerate as such.
 * "Integration": the actor of scheduled syncs, the helpdesk escalation sweep and the CRM task
 * reminders — reads and writes every department's clients and tickets and every team's CRM records,
 * and (with Super Admin) may run and roll back syncs.
 */
export const serviceRoleNames = ["Integration"] as const;
export type ServiceRoleName = (typeof serviceRoleNames)[number];
/**
 * Helpdesk roles (issue 5), kept apart from the seed's six staff roles like the service roles.
 * "Helpdesk Agent": works their departments' tickets and reads the helpdesk's catalogues.
 * "Helpdesk Customer": a customer's contact in the portal — their customers' tickets only.
 */
export const helpdeskRoleNames = ["Helpdesk Agent", "Helpdesk Customer"] as const;
export type HelpdeskRoleName = (typeof helpdeskRoleNames)[number];

export const helpdeskRoleMatrix: Record<HelpdeskRoleName, Partial<Record<Category, Row>>> = {
  "Helpdesk Agent": { helpdesk: rw("own_dept") },
  "Helpdesk Customer": { helpdesk: rw("own_customer") },
};

/**
 * CRM roles (issue 6), kept apart like the helpdesk roles. Both work their own and their teams'
 * records (`own_team`); a manager is a member of each team they manage (flagged `is_manager`).
 * "Sales Manager" also reads every client, so they can follow a deal they handed off to admissions.
 */
export const crmRoleNames = ["Sales User", "Sales Manager"] as const;
export type CrmRoleName = (typeof crmRoleNames)[number];

export const crmRoleMatrix: Record<CrmRoleName, Partial<Record<Category, Row>>> = {
  "Sales User": { crm: rw("own_team") },
  "Sales Manager": { crm: rw("own_team"), client: r() },
};

export type SeededRoleName = RoleName | ServiceRoleName | HelpdeskRoleName | CrmRoleName;

export const serviceRoleMatrix: Record<ServiceRoleName, Partial<Record<Category, Row>>> = {
  // helpdesk: the escalation sweep (every department's open tickets) acts as this account;
  // crm: so does the task reminder job (every team's tasks, and the notices it writes).
  Integration: { client: rw(), helpdesk: rw(), crm: rw() },
};

/** Every seeded role with its default grants. */
export const seededRoleMatrix: Record<SeededRoleName, Partial<Record<Category, Row>>> = { ...defaultMatrix, ...serviceRoleMatrix, ...helpdeskRoleMatrix, ...crmRoleMatrix };

/** Roles that may run and roll back syncs (the sync services check this). */
export const syncOperatorRoles: readonly string[] = ["Super Admin", "Integration"];

export const roleDescriptions: Record<SeededRoleName, string> = {
  "Super Admin": "Everything, including administration",
  "Medical Staff": "Own department's clients; medical data read/write, program data read",
  "Program Staff": "Own department's clients; program data read/write, medical data read",
  "HR Manager": "All clients' core record; HR read/write, finance read",
  "Finance Manager": "All clients' core record; finance read/write, HR read",
  Supervisor: "Reads everything, changes nothing",
  "Helpdesk Agent": "Works their departments' helpdesk tickets",
  "Helpdesk Customer": "A customer's contact in the support portal: their organisation's tickets only",
  "Sales User": "Works their own and their CRM teams' leads, deals, tasks and notes",
  "Sales Manager": "Manages their CRM teams' pipeline (reassigns, admits won deals); reads all clients",
  Integration: "Service account for external-system syncs and helpdesk escalations: all clients and tickets read/write; runs and rolls back syncs",
};
