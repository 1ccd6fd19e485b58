import { AppError, AppErrorCode, isAppError, nextTimestamp, type ScopedDb } from "@orchestrator/db";

export interface GenerateTasksInput {
  client: string;
  template: string;
  /** The job doing the work, recorded in the assignment's generation metadata. */
  job?: string | undefined;
}

export interface GenerateTasksResult {
  created: number;
  existing: number;
}

type Row = Record<string, unknown>;

/** `2026-11-24` + 3 days, in UTC (dates carry no time zone). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function medicalAssignments(client: Row): Row[] {
  // The child table is absent from the document when the principal may not read medical data.
  if (!Array.isArray(client.medical_assignments)) throw AppError.forbidden("No permission to read Medical Assignment");
  return client.medical_assignments as Row[];
}

async function generateOnce(scoped: ScopedDb, input: GenerateTasksInput): Promise<GenerateTasksResult> {
  return scoped.transaction(async (tx) => {
    // Locking the client row serialises this run with activations, deactivations and other runs:
    // every write to its medical assignments goes through a locked update of that same row. Being the
    // transaction's first read, it also makes the reads below see everything committed before it.
    const client = await tx.get("Client", input.client, { forUpdate: true, logAccess: false });
    const assignments = medicalAssignments(client);
    const assignment = assignments.find((a) => a.template_id === input.template);
    if (!assignment || assignment.status !== "active") return { created: 0, existing: 0 };

    const template = await tx.get("Medical Template", input.template, { logAccess: false });
    const templateTasks = (Array.isArray(template.tasks) ? template.tasks : []) as Row[]; // ordered by idx
    const done = new Set<string>();
    if (templateTasks.length) {
      const rows = await tx.list("Task", {
        fields: ["name", "source_template_task"],
        filters: [
          { field: "client", operator: "=", value: input.client },
          { field: "source_template_task", operator: "in", value: templateTasks.map((t) => String(t.name)) },
        ],
        limit: 0,
      });
      for (const row of rows) done.add(String(row.source_template_task));
    }

    const activatedOn = typeof assignment.activated_at === "string" && assignment.activated_at ? assignment.activated_at.slice(0, 10) : nextTimestamp().slice(0, 10);
    const missing = templateTasks.filter((t) => !done.has(String(t.name)));
    for (const task of missing) {
      await tx.insert(
        "Task",
        { client: input.client, category: "medical", department: client.department, title: task.title, due_date: addDays(activatedOn, Number(task.offset_days ?? 0)), status: "open" },
        { serverValues: { source_template: input.template, source_template_task: task.name } },
      );
    }

    const result = { created: missing.length, existing: templateTasks.length - missing.length };
    const metadata = { generated: result.created, existing: result.existing, at: nextTimestamp(), job: input.job ?? null };
    await tx.update(
      "Client",
      input.client,
      { medical_assignments: assignments.map((a) => ({ name: a.name })) },
      { serverValues: { medical_assignments: assignments.map((a) => (a.name === assignment.name ? { task_generation_metadata: metadata } : undefined)) } },
    );
    return result;
  });
}

/**
 * Creates the tasks of an active medical assignment that do not exist yet, all in one transaction:
 * running it again (a retry, a second job) creates nothing twice, and a failure half-way leaves
 * nothing behind. A missing or inactive assignment generates nothing.
 *
 * The unique key on (client, source_template_task) is the last line of defence: if a concurrent
 * writer got one of these tasks in first, the whole transaction rolls back and runs once more,
 * re-reading what exists. `scoped` must not be inside a transaction already (the retry needs a
 * fresh one to see the other writer's rows).
 */
export async function generateTasksForAssignment(scoped: ScopedDb, input: GenerateTasksInput): Promise<GenerateTasksResult> {
  try {
    return await generateOnce(scoped, input);
  } catch (error) {
    if (!isAppError(error) || error.code !== AppErrorCode.Duplicate) throw error;
    return generateOnce(scoped, input);
  }
}
