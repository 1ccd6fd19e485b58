import { AppError, canWrite, type Doc, type ScopedDb } from "@orchestrator/db";
import { actingWith } from "../hands";
import { loadStages } from "../hooks/deal-hook";
import { managesTeam } from "../team-access";
import { str } from "../hooks/person-fields";

export interface AdmitDealInput {
  deal: string;
  department: string;
  first_name?: string | undefined;
  last_name?: string | undefined;
}

/**
 * The admissions hand-off: a won deal becomes a pending Client in the chosen department, through the
 * Client's own create path (its `CL-` series, validation and Version row), linked both ways
 * (`deal.client`, `client.crm_deal`, a unique column, so a deal is admitted once even under a race),
 * in one transaction. A manager of the deal's team (or a client writer) may do it; a Sales Manager,
 * who only reads clients, creates this one pending client on the CRM's hand, audited as themself.
 */
export async function admitDeal(scoped: ScopedDb, input: AdmitDealInput): Promise<{ deal: Doc; client: Doc }> {
  return scoped.transaction(async (tx) => {
    const deal = await tx.get("CRM Deal", input.deal, { forUpdate: true });
    if (deal.client) throw AppError.validation([{ field: "deal", message: `Deal ${deal.name} was already admitted as client ${String(deal.client)}` }]);
    const stage = (await loadStages(tx)).find((s) => s.name === deal.status);
    if (stage?.type !== "Won") throw AppError.validation([{ field: "deal", message: `Only a won deal can be admitted (this one is at ${String(deal.status)})` }]);
    const clientWriter = canWrite(tx.principal, "client");
    if (!clientWriter && !(await managesTeam(tx, str(deal.team)))) throw AppError.forbidden("Only a manager of the deal's team can hand it off to admissions");
    const names = await personOf(tx, deal, input);
    const hand = clientWriter ? tx : actingWith(tx, "client");
    const client = await hand.insert("Client", { ...names, department: input.department, status: "pending" }, { serverValues: { crm_deal: deal.name } });
    const updated = await tx.update("CRM Deal", deal.name, {}, { serverValues: { client: client.name } });
    return { deal: updated, client };
  });
}

/** The client's name: given, else the deal's contact's (read on the CRM's hand: the caller reads the deal). */
async function personOf(tx: ScopedDb, deal: Doc, input: AdmitDealInput): Promise<{ first_name: string; last_name: string }> {
  let first = input.first_name?.trim() ?? "";
  let last = input.last_name?.trim() ?? "";
  if ((!first || !last) && str(deal.contact)) {
    const contact = await actingWith(tx, "helpdesk").get("Contact", String(deal.contact), { logAccess: false });
    first ||= str(contact.first_name) ?? "";
    last ||= str(contact.last_name) ?? "";
  }
  const issues = [...(!first ? [{ field: "first_name", message: "First name is required (the deal's contact has none)" }] : []), ...(!last ? [{ field: "last_name", message: "Last name is required (the deal's contact has none)" }] : [])];
  if (issues.length) throw AppError.validation(issues);
  return { first_name: first, last_name: last };
}
