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

/**
 * `count` consecutive names of a series in two statements (a batch insert): the counter moves by
 * `count` atomically, so concurrent writers never share a number.
 */
export async function nextSeriesNames(exec: Executor, prefix: string, digits: number, count: number): Promise<string[]> {
  if (count < 1) return [];
  const [header] = (await exec.execute(sql`INSERT INTO naming_series (prefix, current) VALUES (${prefix}, LAST_INSERT_ID(${count})) ON DUPLICATE KEY UPDATE current = LAST_INSERT_ID(current + ${count})`)) as unknown as [{ insertId?: number }];
  // The server reports LAST_INSERT_ID(expr) in the statement's OK packet (MariaDB and MySQL); asked for only if a driver does not.
  let last = Number(header?.insertId ?? 0);
  if (!(last >= count)) {
    const [rows] = (await exec.execute(sql`SELECT LAST_INSERT_ID() AS n`)) as unknown as [{ n: number | string }[]];
    last = Number(rows[0]?.n);
  }
  return Array.from({ length: count }, (_, i) => `${prefix}${String(last - count + 1 + i).padStart(digits, "0")}`);
}
