import { AppError, nextTimestamp, type Doc, type ScopedDb } from "@orchestrator/db";
import { actingWith } from "../hands";
import { str } from "../hooks/person-fields";

export interface ConvertLeadInput {
  lead: string;
  /** An existing organisation to link instead of making one from the lead's organisation name. */
  organization?: string | undefined;
  deal?: { amount?: number | undefined; currency?: string | undefined; expected_close_date?: string | undefined; status?: string | undefined } | undefined;
}

export interface ConvertLeadResult {
  lead: Doc;
  deal: Doc;
  contact: string;
  organization: string | null;
}

/**
 * Converts a lead, in one audited transaction: an organisation (the one given, or one made from the
 * lead's organisation name, in the lead's team), a Contact with the lead's e-mail and phones, and a
 * deal linking both and the lead, owned and teamed like the lead. The lead is kept, Qualified, with
 * `converted_deal`; its notes, tasks, calls and messages stay on it and the deal shows them (its
 * `lead` link), so the history is whole. Each write is a Version row of the caller's.
 */
export async function convertLead(scoped: ScopedDb, input: ConvertLeadInput): Promise<ConvertLeadResult> {
  return scoped.transaction(async (tx) => {
    const lead = await tx.get("CRM Lead", input.lead, { forUpdate: true });
    if (lead.converted_deal) throw AppError.validation([{ field: "lead", message: `Lead ${lead.name} was already converted to deal ${String(lead.converted_deal)}` }]);
    const team = str(lead.team);
    const owner = str(lead.lead_owner) ?? tx.principal.user;
    let organization: string | null = null;
    if (input.organization) organization = (await tx.get("CRM Organization", input.organization)).name;
    else if (str(lead.organization)) organization = (await tx.insert("CRM Organization", { organization_name: lead.organization, team, organization_owner: owner })).name;
    // `Contact` is the shared record of the helpdesk's category: the CRM writes it on the caller's behalf.
    const contact = await actingWith(tx, "helpdesk").insert("Contact", {
      first_name: lead.first_name,
      last_name: lead.last_name,
      email_ids: str(lead.email) ? [{ email_id: lead.email, is_primary: 1 }] : [],
      phone_nos: [lead.mobile_no, lead.phone].filter((p): p is string => typeof p === "string" && p !== "").map((phone, i) => ({ phone, is_primary: i === 0 ? 1 : 0 })),
    });
    const deal = await tx.insert("CRM Deal", { ...input.deal, organization, contact: contact.name, team, deal_owner: owner }, { serverValues: { lead: lead.name } });
    const updated = await tx.update("CRM Lead", lead.name, { status: "Qualified" }, { serverValues: { converted_deal: deal.name, converted_on: nextTimestamp() } });
    return { lead: updated, deal, contact: contact.name, organization };
  });
}
