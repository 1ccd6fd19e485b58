import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/**
 * Next name of a naming series (`CL-` -> `CL-00043`), like Frappe's `make_autoname("CL-.#####")`.
 * `LAST_INSERT_ID(expr)` makes the increment and the read one atomic statement per connection, so
 * concurrent inserts never share a number.
 */
export async function nextSeriesName(exec: Executor, prefix: string, digits: number): Promise<string> {
  await exec.execute(sql`INSERT INTO naming_series (prefix, current) VALUES (${prefix}, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE current = LAST_INSERT_ID(current + 1)`);
  const [rows] = (await exec.execute(sql`SELECT LAST_INSERT_ID() AS n`)) as unknown as [{ n: number | string }[]];
  const n = Number(rows[0]?.n);
  return `${prefix}${String(n).padStart(digits, "0")}`;
}
