import type { ScopedDb } from "@orchestrator/db";
import { emailKey, phoneKey, type DuplicateLookup, type ExistingMatches, type ImportTarget } from "../import";

/** Where each target's existing e-mails and phones live. */
const SOURCES: Record<ImportTarget, { doctype: string; email: string; phones: readonly string[] }> = {
  leads: { doctype: "CRM Lead", email: "email", phones: ["mobile_no", "phone"] },
  contacts: { doctype: "Contact", email: "email_id", phones: ["phone"] },
};

/**
 * The duplicate lookup over the caller's records: one scoped list per file (e-mail IN … OR phone IN …),
 * so only records the caller can see are reported (a record of another team is not revealed by an
 * import; its duplicate is then theirs to merge). Stored values are compared by the same keys as the
 * file's: lower-cased e-mail, E.164 phone.
 */
export function scopedDuplicateLookup(scoped: ScopedDb, target: ImportTarget): DuplicateLookup {
  const source = SOURCES[target];
  return async (keys): Promise<ExistingMatches> => {
    const emails = new Map<string, string>();
    const phones = new Map<string, string>();
    const orFilters = [
      ...(keys.emails.length ? [{ field: source.email, operator: "in" as const, value: keys.emails }] : []),
      ...(keys.phones.length ? source.phones.map((field) => ({ field, operator: "in" as const, value: keys.phones })) : []),
    ];
    if (!orFilters.length) return { emails, phones };
    const rows = await scoped.list(source.doctype, { fields: ["name", source.email, ...source.phones], orFilters, orderBy: [{ field: "creation", direction: "asc" }], limit: 0 });
    for (const row of rows) {
      const email = row[source.email];
      if (typeof email === "string" && email && !emails.has(emailKey(email))) emails.set(emailKey(email), String(row.name));
      for (const field of source.phones) {
        const value = row[field];
        const key = typeof value === "string" && value ? phoneKey(value) : null;
        if (key && !phones.has(key)) phones.set(key, String(row.name));
      }
    }
    return { emails, phones };
  };
}
