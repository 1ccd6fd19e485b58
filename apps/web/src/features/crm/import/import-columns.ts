/**
 * The header each CSV import expects (any column order), as packages/modules/src/crm/import/targets.ts
 * defines it — the server's word wins: a wrong header is refused with its own "Expected header: …".
 */
export const IMPORT_HEADERS = {
  leads: "first_name,last_name,email,mobile_no,organization,source,status",
  contacts: "first_name,last_name,email,phone,customer",
} as const;

export type ImportTarget = keyof typeof IMPORT_HEADERS;

/** Longest file the server takes (5 MB of text); checked here first so a huge file is not uploaded for nothing. */
export const IMPORT_MAX_BYTES = 5_000_000;

/** The expected header quoted by a refusal ("… Expected header: a,b,c"), if any. */
export function expectedHeaderOf(message: string): string | undefined {
  return /Expected header: (\S+)/.exec(message)?.[1];
}
