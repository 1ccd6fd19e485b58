import type { Doc, ScopedDb } from "@orchestrator/db";
import { stageHistory } from "../hooks/deal-hook";
import { actingWith } from "../hands";
import { activitiesOf } from "./records";

export interface DealView {
  deal: Doc;
  contact: Doc | null;
  stages: Record<string, unknown>[];
  activities: Record<string, Record<string, unknown>[]>;
}

/**
 * A deal with its contact, stage history and the history it carries from its lead (notes, tasks,
 * calls, messages of the deal and of the lead it was converted from). The deal is read in the caller's
 * scope (NOT FOUND otherwise); its contact — a shared `Contact`, in the helpdesk's category — is read
 * by name through the CRM's hand, only because the caller may read the deal that links it.
 */
export async function getDeal(scoped: ScopedDb, name: string): Promise<DealView> {
  const deal = await scoped.get("CRM Deal", name);
  const references = [{ doctype: "CRM Deal", name }];
  if (typeof deal.lead === "string" && deal.lead) references.push({ doctype: "CRM Lead", name: deal.lead });
  const [contact, stages, activities] = await Promise.all([
    typeof deal.contact === "string" && deal.contact ? actingWith(scoped, "helpdesk").get("Contact", deal.contact, { logAccess: false }) : Promise.resolve(null),
    stageHistory(scoped, name),
    activitiesOf(scoped, references),
  ]);
  return { deal, contact, stages, activities };
}

/** Moves a deal to a stage; a stage that requires it needs `lost_reason` (a field error otherwise). */
export async function moveDeal(scoped: ScopedDb, input: { name: string; stage: string; lost_reason?: string | undefined; modified?: string | undefined }): Promise<Doc> {
  const values: Record<string, unknown> = { status: input.stage };
  if (input.lost_reason !== undefined) values.lost_reason = input.lost_reason;
  return scoped.update("CRM Deal", input.name, values, { expectedModified: input.modified });
}
