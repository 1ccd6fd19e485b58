import { formatTimestamp } from "@orchestrator/db";

/** Now as a Frappe datetime string (UTC, microseconds), for columns like `last_login` and `last_used`. */
export function nowTimestamp(): string {
  return formatTimestamp(BigInt(Date.now()) * 1000n);
}
