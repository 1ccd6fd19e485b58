import { createScopedDb, mergeGrants, seededRoleMatrix, type Principal, type ScopedDb } from "@orchestrator/db";
import { createUser, type Database } from "@orchestrator/db/system";
import { registry } from "../../registry";
import { addComment, changeStatus, createTicket } from "../tickets/service";
import { HELPDESK_DEMO_DEPARTMENT, HELPDESK_DEMO_SLA, HELPDESK_DEMO_TEAM, helpdeskDemoAgents, helpdeskDemoCustomers } from "./people";
import { demoTicketScripts, type DemoStep } from "./tickets";

const HOUR = 3_600_000;
import { withClock } from "./clock";

const ADMIN = "admin@demo.orchestrator.test";

function adminScope(): ScopedDb {
  const rows = Object.entries(seededRoleMatrix["Super Admin"]).map(([category, g]) => ({ category, access: g!.access, scope: g!.scope }));
  const principal: Principal = { user: ADMIN, fullName: "Avery Admin", roles: ["Super Admin"], departments: [HELPDESK_DEMO_DEPARTMENT], grants: mergeGrants(rows) };
  return createScopedDb(principal, { requestId: "demo-seed" }, registry);
}

const weekday = [{ start: "08:00", end: "18:00" }];
const calendar = {
  timeZone: "America/New_York",
  workingHours: { monday: weekday, tuesday: weekday, wednesday: weekday, thursday: weekday, friday: weekday },
  holidays: [
    { date: "2026-11-26", description: "Thanksgiving" },
    { date: "2026-12-25", description: "Christmas Day" },
    { date: "2027-01-01", description: "New Year's Day" },
  ],
};

/** Catalogues, the SLA, the escalation rule, agents, the team, customers and their contacts. */
async function seedConfiguration(db: Database, admin: ScopedDb, passwordHash: string): Promise<void> {
  for (const type of ["Access", "Billing", "Clinical records", "Scheduling"]) await admin.insert("HD Ticket Type", { name: type, description: `${type} questions` });
  await admin.insert("HD Service Level Agreement", {
    name: HELPDESK_DEMO_SLA,
    description: "Business hours, Eastern time",
    is_default: 1,
    calendar,
    at_risk_percent: 75,
    priorities: [
      { priority: "Low", response_minutes: 8 * 60, resolution_minutes: 5 * 10 * 60 },
      { priority: "Medium", response_minutes: 4 * 60, resolution_minutes: 3 * 10 * 60 },
      { priority: "High", response_minutes: 60, resolution_minutes: 10 * 60 },
      { priority: "Urgent", response_minutes: 30, resolution_minutes: 4 * 60 },
    ],
  });
  for (const agent of helpdeskDemoAgents) {
    await createUser(db, { email: agent.email, fullName: agent.fullName, passwordHash, roles: ["Helpdesk Agent"], departments: [HELPDESK_DEMO_DEPARTMENT] });
    await admin.insert("HD Agent", { user: agent.email, agent_name: agent.fullName, availability: "Active", skills: [...agent.skills] });
  }
  await admin.insert("HD Team", {
    team_name: HELPDESK_DEMO_TEAM,
    description: "First line: portal, e-mail and phone",
    team_lead: helpdeskDemoAgents[0].email,
    assignment_rule: { strategy: "round_robin", team: HELPDESK_DEMO_TEAM },
    users: helpdeskDemoAgents.map((a) => ({ user: a.email })),
  });
  await admin.insert("HD Escalation Rule", {
    name: "Standard escalation",
    description: "Warn the assignee at 75% of the response time; on a breach tell the team lead and raise the priority",
    levels: [
      { trigger_clock: "response", trigger_percent: 75, notify_assignee: 1 },
      { trigger_clock: "response", notify_team_lead: 1, notify_email: 1, raise_priority: "next" },
      { trigger_clock: "resolution", notify_assignee: 1, notify_team_lead: 1 },
    ],
  });
  for (const customer of helpdeskDemoCustomers) {
    await admin.insert("HD Customer", { customer_name: customer.name, domain: customer.domain, department: HELPDESK_DEMO_DEPARTMENT });
    const { portal } = customer;
    await createUser(db, { email: portal.email, fullName: `${portal.first} ${portal.last}`, passwordHash, roles: ["Helpdesk Customer"], departments: [] });
    await admin.insert("Contact", { first_name: portal.first, last_name: portal.last, customer: customer.name, user: portal.email, email_ids: [{ email_id: portal.email, is_primary: 1 }] });
    for (const [first, last, email, phone] of customer.others) {
      await admin.insert("Contact", { first_name: first, last_name: last, customer: customer.name, email_ids: [{ email_id: email, is_primary: 1 }], phone_nos: [{ phone, is_primary: 1 }] });
    }
  }
}

/**
 * The helpdesk's demo data, written through the scoped layer (validated, audited, SLA and assignment
 * computed by the hooks) as the demo Super Admin. Tickets are replayed on a moved clock over the last
 * ten days so the list shows every SLA state: on time, at risk, breached, paused, resolved, rated.
 */
export async function seedHelpdeskDemo(db: Database, options: { passwordHash: string; now?: number }): Promise<{ tickets: number }> {
  const admin = adminScope();
  const now = options.now ?? Date.now();
  // Timestamps only move forward (optimistic locking): configuration first, then every ticket event in time order.
  await withClock(now - 11 * 24 * HOUR, () => seedConfiguration(db, admin, options.passwordHash));
  const scripts = demoTicketScripts(now);
  const events = scripts.flatMap((script, index) => [{ at: script.openedAt, index, step: null as DemoStep | null }, ...script.steps.map((step) => ({ at: step.at, index, step }))]);
  events.sort((a, b) => a.at - b.at);
  const names = new Map<number, string>();
  for (const { at, index, step } of events) {
    const script = scripts[index]!;
    await withClock(at, async () => {
      if (!step) {
        const doc = await createTicket(admin, { subject: script.subject, description: script.description, priority: script.priority, ticket_type: script.type, agent_group: HELPDESK_DEMO_TEAM, raised_by: script.raisedBy, customer: script.customer, department: HELPDESK_DEMO_DEPARTMENT });
        names.set(index, doc.name);
      } else if (step.kind === "status") await changeStatus(admin, names.get(index)!, step.status);
      else await addComment(admin, { ticket: names.get(index)!, type: step.kind === "reply" ? "Reply" : "Internal Note", content: step.text });
    });
  }
  for (const [index, script] of scripts.entries()) {
    if (script.rating) await admin.update("HD Ticket", names.get(index)!, {}, { serverValues: { feedback_rating: script.rating.stars, feedback_text: script.rating.text, feedback_on: script.rating.on } });
  }
  const tickets = scripts.length;
  return { tickets };
}
