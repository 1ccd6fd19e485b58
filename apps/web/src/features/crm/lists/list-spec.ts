/**
 * What each CRM list shows and lets a user change: its filters, sorts, group-bys and columns, by the
 * keys its URL uses. The server checks saved views against the same keys
 * (packages/modules/src/crm/list-views.ts: keep the two in step).
 */
export type ListKey = "leads" | "deals";
export type SortDirection = "asc" | "desc";
/** Which catalogue a filter's options come from (`crm.catalogues`). */
export type FilterOptions = "leadStatuses" | "sources" | "stages" | "teams" | "members";

export interface FilterSpec {
  /** The URL key (`?status=New`). */
  key: string;
  /** The record field it filters on. */
  field: string;
  label: string;
  /** The empty option ("Any status"). */
  empty: string;
  options: FilterOptions;
}

/** `text` sorts A–Z first; `time` and `number` newest / highest first. */
export interface SortSpec {
  field: string;
  label: string;
  kind: "text" | "time" | "number";
}

export interface GroupSpec {
  key: string;
  field: string;
  label: string;
  /** The heading of rows where the field is empty. */
  none: string;
}

export interface ColumnSpec {
  id: string;
  label: string;
  /** The sort field its header toggles; none: not sortable. */
  sort?: string;
  /** The fields a CSV export of the column holds. */
  export: readonly string[];
}

export interface ListSpec {
  key: ListKey;
  /** The saved-views list key on the server (packages/modules/src/views/lists.ts). */
  savedViews: "crm-leads" | "crm-deals";
  doctype: "CRM Lead" | "CRM Deal";
  path: string;
  /** "lead" / "leads". */
  one: string;
  many: string;
  /** The first column: always shown, links to the record. */
  primary: ColumnSpec;
  /** The columns a user may show or hide, in display order. */
  columns: readonly ColumnSpec[];
  defaultColumns: readonly string[];
  filters: readonly FilterSpec[];
  sorts: readonly SortSpec[];
  defaultSort: { sort: string; dir: SortDirection };
  groups: readonly GroupSpec[];
  search: { label: string; placeholder: string };
}

export const LEADS_LIST: ListSpec = {
  key: "leads",
  savedViews: "crm-leads",
  doctype: "CRM Lead",
  path: "/crm/leads",
  one: "lead",
  many: "leads",
  primary: { id: "lead", label: "Lead", sort: "lead_name", export: ["name", "lead_name"] },
  columns: [
    { id: "organization", label: "Organisation", sort: "organization", export: ["organization"] },
    { id: "email", label: "E-mail", sort: "email", export: ["email"] },
    { id: "mobile", label: "Mobile", export: ["mobile_no"] },
    { id: "status", label: "Status", sort: "status", export: ["status"] },
    { id: "source", label: "Source", sort: "source", export: ["source"] },
    { id: "team", label: "Team", sort: "team", export: ["team"] },
    { id: "owner", label: "Owner", sort: "lead_owner", export: ["lead_owner"] },
    { id: "modified", label: "Updated", sort: "modified", export: ["modified"] },
    { id: "created", label: "Created", sort: "creation", export: ["creation"] },
  ],
  defaultColumns: ["organization", "status", "source", "team", "owner", "modified"],
  filters: [
    { key: "status", field: "status", label: "Status", empty: "Any status", options: "leadStatuses" },
    { key: "source", field: "source", label: "Source", empty: "Any source", options: "sources" },
    { key: "team", field: "team", label: "Team", empty: "All teams", options: "teams" },
    { key: "owner", field: "lead_owner", label: "Owner", empty: "Anyone", options: "members" },
  ],
  sorts: [
    { field: "modified", label: "Last updated", kind: "time" },
    { field: "creation", label: "Created", kind: "time" },
    { field: "lead_name", label: "Name", kind: "text" },
    { field: "organization", label: "Organisation", kind: "text" },
    { field: "email", label: "E-mail", kind: "text" },
    { field: "status", label: "Status", kind: "text" },
    { field: "source", label: "Source", kind: "text" },
    { field: "team", label: "Team", kind: "text" },
    { field: "lead_owner", label: "Owner", kind: "text" },
  ],
  defaultSort: { sort: "modified", dir: "desc" },
  groups: [
    { key: "status", field: "status", label: "Status", none: "No status" },
    { key: "source", field: "source", label: "Source", none: "No source" },
    { key: "team", field: "team", label: "Team", none: "No team" },
    { key: "owner", field: "lead_owner", label: "Owner", none: "Unassigned" },
  ],
  search: { label: "Search leads", placeholder: "Search by name, e-mail, organisation or mobile" },
};

export const DEALS_LIST: ListSpec = {
  key: "deals",
  savedViews: "crm-deals",
  doctype: "CRM Deal",
  path: "/crm/deals",
  one: "deal",
  many: "deals",
  primary: { id: "deal", label: "Deal", sort: "name", export: ["name"] },
  columns: [
    { id: "organization", label: "Organisation", sort: "organization", export: ["organization"] },
    { id: "stage", label: "Stage", sort: "status", export: ["status"] },
    { id: "amount", label: "Amount", sort: "amount", export: ["amount", "currency"] },
    { id: "probability", label: "Probability", sort: "probability", export: ["probability"] },
    { id: "expected_close", label: "Expected close", sort: "expected_close_date", export: ["expected_close_date"] },
    { id: "owner", label: "Owner", sort: "deal_owner", export: ["deal_owner"] },
    { id: "team", label: "Team", sort: "team", export: ["team"] },
    { id: "modified", label: "Updated", sort: "modified", export: ["modified"] },
    { id: "created", label: "Created", sort: "creation", export: ["creation"] },
  ],
  defaultColumns: ["organization", "stage", "amount", "expected_close", "owner", "team", "modified"],
  filters: [
    { key: "stage", field: "status", label: "Stage", empty: "Any stage", options: "stages" },
    { key: "team", field: "team", label: "Team", empty: "All teams", options: "teams" },
    { key: "owner", field: "deal_owner", label: "Owner", empty: "Anyone", options: "members" },
  ],
  sorts: [
    { field: "modified", label: "Last updated", kind: "time" },
    { field: "creation", label: "Created", kind: "time" },
    { field: "name", label: "Deal", kind: "text" },
    { field: "organization", label: "Organisation", kind: "text" },
    { field: "status", label: "Stage", kind: "text" },
    { field: "amount", label: "Amount", kind: "number" },
    { field: "probability", label: "Probability", kind: "number" },
    { field: "expected_close_date", label: "Expected close", kind: "time" },
    { field: "deal_owner", label: "Owner", kind: "text" },
    { field: "team", label: "Team", kind: "text" },
  ],
  defaultSort: { sort: "modified", dir: "desc" },
  groups: [
    { key: "stage", field: "status", label: "Stage", none: "No stage" },
    { key: "team", field: "team", label: "Team", none: "No team" },
    { key: "owner", field: "deal_owner", label: "Owner", none: "Unassigned" },
  ],
  search: { label: "Search deals", placeholder: "Search by deal or lead number (CRM-DEAL-…, CRM-LEAD-…)" },
};
