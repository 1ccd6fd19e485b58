import { AppError, nextTimestamp, type ScopedDb } from "@orchestrator/db";
import { enqueueGenerateTasks, type EnqueueGenerateTasks } from "../queue";

export interface ActivateTemplateInput {
  client: string;
  template: string;
}

type Row = Record<string, unknown>;

/**
 * Activates a medical template for a client and queues the generation of its tasks.
 * - the client must be readable (else NOT FOUND) and the caller needs medical write on it (else the
 *   scoped layer's FORBIDDEN, also when the assignment is already active);
 * - adds the assignment (status active, `activated_at` now), reactivates an inactive one, leaves an
 *   active one alone: activating twice gives one assignment, one job and the same tasks;
 * - enqueues `generate-tasks` after the transaction commits. Should that enqueue fail (Redis down),
 *   the assignment stays active and activating again re-enqueues: the job is idempotent. A job that
 *   failed for good is replaced by a fresh one; a completed one only when the assignment was inactive
 *   (a reactivation adds the template's tasks added since).
 * Returns the assignment row.
 */
export async function activateTemplate(scoped: ScopedDb, input: ActivateTemplateInput, enqueue: EnqueueGenerateTasks = enqueueGenerateTasks): Promise<Row> {
  const { assignment, reactivated } = await scoped.transaction(async (tx) => {
    // Locked: two concurrent activations of the same template serialise instead of colliding on the unique key.
    const client = await tx.get("Client", input.client, { forUpdate: true, logAccess: false });
    if (!Array.isArray(client.medical_assignments)) throw AppError.forbidden("No permission to change Medical Assignment");
    const rows = client.medical_assignments as Row[];

    const template = await tx.get("Medical Template", input.template, { logAccess: false });
    if (!template.is_active) throw AppError.validation([{ field: "template", message: `Medical Template ${input.template} is not active` }]);

    const existing = rows.find((r) => r.template_id === input.template);
    const reactivated = existing !== undefined && existing.status !== "active";
    const now = nextTimestamp();
    const body: Row[] = rows.map((r) => (r === existing ? { name: r.name, status: "active" } : { name: r.name }));
    const server: (Row | undefined)[] = rows.map((r) => (r === existing && reactivated ? { activated_at: now } : undefined));
    if (!existing) {
      body.push({ template_id: input.template, status: "active" });
      server.push({ activated_at: now });
    }
    // Always through update, even when nothing changes: it is what checks medical write on this client.
    const updated = await tx.update("Client", input.client, { medical_assignments: body }, { serverValues: { medical_assignments: server } });
    const assignment = (updated.medical_assignments as Row[] | undefined)?.find((r) => r.template_id === input.template);
    if (!assignment) throw new Error(`Medical Assignment for ${input.template} missing after activation`);
    return { assignment, reactivated };
  });

  await enqueue({ client: input.client, template: input.template, actor: scoped.principal.user, requestId: scoped.meta.requestId }, { replace: reactivated ? "finished" : "failed" });
  return assignment;
}
