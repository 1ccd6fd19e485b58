import type { Pool } from "mysql2/promise";

/**
 * Bulk-seeds `count` clients (half Medical, half Program) with one medical and one program
 * assignment each, through multi-row INSERTs: the bench measures reads, so the seed goes straight in.
 */
export async function seedClients(pool: Pool, count: number): Promise<void> {
  const batch = 2000;
  const now = "2026-11-24 12:00:00.000000";
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    const clients: unknown[][] = [];
    const medical: unknown[][] = [];
    const program: unknown[][] = [];
    for (let i = start; i <= end; i++) {
      const name = `CL-${String(i).padStart(6, "0")}`;
      const department = i % 2 ? "Medical" : "Program";
      const status = ["active", "active", "discharged", "pending"][i % 4];
      // Spread `modified` so ORDER BY modified has real work to do.
      const modified = new Date(Date.UTC(2026, 0, 1) + i * 37_000).toISOString().replace("T", " ").replace("Z", "000");
      clients.push([name, `First${i}`, `Last${i % 5000}`, "1980-01-01", status, "2026-01-01", null, department, null, null, 0, now, modified, "bench", "bench"]);
      medical.push([`MA-${i}`, name, 1, "Detox Protocol", "active", now, null, now, now, "bench", "bench"]);
      program.push([`PA-${i}`, name, 1, "Intensive Outpatient", "active", "2026-01-02", "Group A", now, now, "bench", "bench"]);
    }
    await pool.query("INSERT INTO clients (name, first_name, last_name, dob, status, admission_date, discharge_date, department, kipu_id, kipu_last_synced_at, synced_from_kipu, creation, modified, owner, modified_by) VALUES ?", [clients]);
    await pool.query("INSERT INTO medical_assignments (name, parent, idx, template_id, status, activated_at, task_generation_metadata, creation, modified, owner, modified_by) VALUES ?", [medical]);
    await pool.query("INSERT INTO program_assignments (name, parent, idx, program_id, status, start_date, group_assignment, creation, modified, owner, modified_by) VALUES ?", [program]);
  }
  await pool.query("INSERT INTO naming_series (prefix, current) VALUES ('CL-', ?) ON DUPLICATE KEY UPDATE current = VALUES(current)", [count]);
  await pool.query("ANALYZE TABLE clients, medical_assignments, program_assignments");
}
