import { createScopedDb, formatTimestamp, mergeGrants, seededRoleMatrix, type Principal, type ScopedDb } from "@orchestrator/db";
import { createUser, type Database } from "@orchestrator/db/system";
import { registry } from "../../registry";
import { convertLead } from "../services/convert";
import { moveDeal } from "../services/deals";
import { seedCrmHistory } from "./history";
import { CRM_DEMO_MANAGER, crmDemoTeams, crmDemoUsers } from "./people";

function adminScope(): ScopedDb {
  const rows = Object.entries(seededRoleMatrix["Super Admin"]).map(([category, g]) => ({ category, access: g!.access, scope: g!.scope }));
  const principal: Principal = { user: "admin@demo.orchestrator.test", fullName: "Avery Admin", roles: ["Super Admin"], departments: ["Administration"], grants: mergeGrants(rows) };
  return createScopedDb(principal, { requestId: "crm-demo-seed" }, registry);
}

const leads: Record<(typeof crmDemoTeams)[number], [string, string, string, string, string][]> = {
  "East Coast": [
    ["Dana", "Whitfield", "dana@bayview-clinic.example", "+1 617 555 0101", "Bayview Clinic"],
    ["Luis", "Ortega", "luis.ortega@harborhealth.example", "+1 212 555 0147", "Harbor Health"],
    ["Grace", "Kim", "gkim@northshore.example", "+1 978 555 0112", "North Shore Counseling"],
  ],
  "West Coast": [
    ["Ethan", "Park", "ethan@pacificwell.example", "+1 415 555 0190", "Pacific Wellness"],
    ["Maya", "Singh", "maya.singh@sunrise.example", "+1 503 555 0163", "Sunrise Recovery"],
    ["Owen", "Reyes", "owen@desertbloom.example", "+1 602 555 0128", "Desert Bloom"],
  ],
};

const HOUR = 3_600_000;

/** Stages the converted demo deals are moved to (one per converted lead), so the pipeline has depth. */
const dealStages = ["Demo/Making", "Negotiation"] as const;

/**
 * The CRM's demo data through the scoped layer (validated, assigned, audited): two teams with a
 * round-robin rule, a salesperson each and a manager of both, three leads per team, two of which are
 * converted to deals in different stages; then, for the dashboard, twenty more leads of the last 90
 * days (history.ts), twelve of them deals won, lost or still open.
 */
export async function seedCrmDemo(db: Database, options: { passwordHash: string; now?: number }): Promise<{ leads: number; deals: number }> {
  const admin = adminScope();
  for (const user of crmDemoUsers) await createUser(db, { email: user.email, fullName: user.fullName, passwordHash: options.passwordHash, roles: [user.role], departments: [] });
  for (const team of crmDemoTeams) {
    const members = crmDemoUsers.filter((u) => u.team === team).map((u) => ({ user: u.email, is_manager: 0 }));
    await admin.insert("CRM Team", { team_name: team, description: `${team} sales`, assignment_rule: { strategy: "round_robin" }, users: [...members, { user: CRM_DEMO_MANAGER, is_manager: 1 }] });
  }
  const now = options.now ?? Date.now();
  // Follow-ups due at different times, so "My day" has something overdue, due today and upcoming.
  const dueIn = [-20 * HOUR, 2 * HOUR, 50 * HOUR];
  let deals = 0;
  let count = 0;
  for (const team of crmDemoTeams) {
    for (const [i, [first, last, email, phone, organization]] of leads[team].entries()) {
      const lead = await admin.insert("CRM Lead", { first_name: first, last_name: last, email, mobile_no: phone, organization, source: i % 2 ? "Referral" : "Website", status: i === 2 ? "Contacted" : "New", team });
      count += 1;
      await admin.insert("CRM Note", { title: "First call", content: `Spoke with ${first} about ${organization}'s referral needs.`, reference_doctype: "CRM Lead", reference_docname: lead.name });
      await admin.insert("CRM Task", { title: `Follow up with ${first}`, priority: i === 0 ? "High" : "Medium", status: "Todo", due_date: formatTimestamp(BigInt(now + dueIn[i]!) * 1000n), reference_doctype: "CRM Lead", reference_docname: lead.name, assigned_to: lead.lead_owner });
      const stage = dealStages[i];
      if (!stage) continue;
      const converted = await convertLead(admin, { lead: lead.name, deal: { amount: 12_000 + 6_000 * i, currency: "USD" } });
      await moveDeal(admin, { name: converted.deal.name, stage });
      deals += 1;
    }
  }
  const history = await seedCrmHistory(db, admin, now);
  return { leads: count + history.leads, deals: deals + history.deals };
}
