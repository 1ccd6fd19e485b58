import type { Doc, ScopedDb } from "@orchestrator/db";
import { stageHistory } from "../hooks/deal-hook";
import { actingWith } from "../hands";

export interface DealView {
  deal: Doc;
  contact: Doc | null;
  stages: Record<string, unknown>[];
}

/**
 * A deal with its contact and stage history (its activity is `crm.timeline`). The deal is read in the
 * caller's scope (NOT FOUND otherwise); its contact — a shared `Contact`, in the helpdesk's category —
 * is read by name through the CRM's hand, only because the caller may read the deal that links it.
 */
export async function getDeal(scoped: ScopedDb, name: string): Promise<DealView> {
  const deal = await scoped.get("CRM Deal", name);
  const [contact, stages] = await Promise.all([
    typeof deal.contact === "string" && deal.contact ? actingWith(scoped, "helpdesk").get("Contact", deal.contact, { logAccess: false }) : Promise.resolve(null),
    stageHistory(scoped, name),
  ]);
  return { deal, contact, stages };
}

/** Moves a deal to a stage; a stage that requires it needs `lost_reason` (a field error otherwise). */
export async function moveDeal(scoped: ScopedDb, input: { name: string; stage: string; lost_reason?: string | undefined; modified?: string | undefined }): Promise<Doc> {
  const values: Record<string, unknown> = { status: input.stage };
  if (input.lost_reason !== undefined) values.lost_reason = input.lost_reason;
  return scoped.update("CRM Deal", input.name, values, { expectedModified: input.modified });
}
