/** What a CSV import can create, and the exact header each expects (any column order). */
export const IMPORT_COLUMNS = {
  leads: ["first_name", "last_name", "email", "mobile_no", "organization", "source", "status"],
  contacts: ["first_name", "last_name", "email", "phone", "customer"],
} as const;

export type ImportTarget = keyof typeof IMPORT_COLUMNS;
export type ImportColumn<T extends ImportTarget> = (typeof IMPORT_COLUMNS)[T][number];

/**
 * Frappe CRM's default lead statuses. The CRM Lead DocType owns the real list: pass it as
 * `leadStatuses` to `planImport` once it exists.
 */
export const DEFAULT_LEAD_STATUSES = ["New", "Contacted", "Nurture", "Qualified", "Unqualified", "Junk"] as const;

/** The column holding each target's phone number (the one checked for duplicates). */
export const PHONE_COLUMN: Record<ImportTarget, "mobile_no" | "phone"> = { leads: "mobile_no", contacts: "phone" };

/** Data cells longer than this are refused (the varchar(140) of Frappe's Data fields). */
export const MAX_CELL = 140;
