import type { Filter, ScopedDb } from "@orchestrator/db";
import { clientStatuses } from "@orchestrator/db/schema";
import { z } from "zod";

/** Shorter queries match too much to be useful and are answered without a query. */
export const SEARCH_MIN_CHARS = 2;
/** The most clients one search returns (a palette, not a list: the Clients page pages through the rest). */
export const SEARCH_MAX_LIMIT = 10;

export const searchInput = z.object({
  q: z.string().max(100),
  limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).default(8),
});
export type SearchInput = z.infer<typeof searchInput>;

/** Only what the palette shows: no department, dates or other PHI beyond the name. */
export const clientHit = z.object({ name: z.string(), first_name: z.string(), last_name: z.string(), status: z.enum(clientStatuses) });
export type ClientHit = z.infer<typeof clientHit>;

export const searchOutput = z.object({ clients: z.array(clientHit) });

const hitFields = ["name", "first_name", "last_name", "status"];

/** A LIKE prefix pattern matching `term` literally (the same escaping as the list's free-text search). */
function prefixPattern(term: string): string {
  return `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Clients matching `q`, read through the caller's ScopedDb (the list's own path: scope predicate,
 * readable columns, the DocType's search fields), so a user only ever finds clients they may list.
 *
 * One word is a prefix of the client ID, first or last name (or Kipu ID), case-insensitively (the
 * columns' collation). Two words ("Olivia Smith", "Smith, Ol" — the palette shows "Last, First")
 * must both match: the first as above, the second as a prefix of the first or last name.
 *
 * Not written to the access log: like the Clients list it returns list fields only, and opening a
 * client (`clients.get`) is the read that is logged. Nothing here logs the query (it is PHI).
 */
export async function searchClients(scoped: ScopedDb, input: SearchInput): Promise<ClientHit[]> {
  const words = input.q.trim().split(/[\s,]+/).filter(Boolean);
  const [first, second] = words;
  if (!first || input.q.trim().length < SEARCH_MIN_CHARS) return [];
  // No read access to clients at all: an empty section, not an error (the palette also lists pages).
  if (!scoped.canReadDoctype("Client")) return [];
  const orFilters: Filter[] = second ? ["first_name", "last_name"].map((field) => ({ field, operator: "like", value: prefixPattern(second) })) : [];
  const rows = await scoped.list("Client", {
    fields: hitFields,
    search: first,
    orFilters,
    orderBy: [{ field: "last_name", direction: "asc" }, { field: "first_name", direction: "asc" }],
    limit: Math.min(input.limit, SEARCH_MAX_LIMIT),
  });
  return rows as ClientHit[];
}
