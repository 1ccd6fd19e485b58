import { AppError, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { assignNewLead } from "../assignment";
import { checkReassignment } from "../team-access";
import { checkContactFields, str, type FieldIssue } from "./person-fields";

/**
 * `CRM Lead`'s validate (tRPC, REST and services alike): a name, well-formed e-mail and phones (per
 * field), `lead_name` kept in step; a new lead with a team and no owner is assigned by the team's
 * rule (the helpdesk's mechanism); changing owner or team afterwards is a manager's move; a converted
 * lead stays Qualified.
 */
export async function validateLead(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  const issues: FieldIssue[] = [];
  const first = str(event.doc.first_name)?.trim() ?? "";
  const last = str(event.doc.last_name)?.trim() ?? "";
  if (!first && !last) issues.push({ field: "first_name", message: "First or last name is required" });
  const set = checkContactFields(event.doc, event.changed, { emails: ["email"], phones: ["mobile_no", "phone"] }, issues);
  if (event.action === "update" && event.previous?.converted_deal && event.changed.includes("status") && event.doc.status !== "Qualified") {
    issues.push({ field: "status", message: `This lead was converted to deal ${String(event.previous.converted_deal)}; it stays Qualified` });
  }
  if (issues.length) throw AppError.validation(issues);
  set.lead_name = [first, last].filter(Boolean).join(" ");
  const team = str(event.doc.team);
  const owner = str(event.doc.lead_owner);
  if (event.action === "create") {
    // A lead created for someone else is a manager's assignment; for oneself, anyone's.
    if (owner && owner !== scoped.principal.user) await checkReassignment(scoped, { ownerField: "lead_owner", team, previousTeam: null, owner, ownerChanged: true, teamChanged: false });
    if (!owner && team) {
      const result = await assignNewLead(scoped, team);
      if (result.owner) set.lead_owner = result.owner;
    }
  } else {
    await checkReassignment(scoped, { ownerField: "lead_owner", team, previousTeam: str(event.previous?.team), owner, ownerChanged: event.changed.includes("lead_owner"), teamChanged: event.changed.includes("team") });
  }
  return set;
}
