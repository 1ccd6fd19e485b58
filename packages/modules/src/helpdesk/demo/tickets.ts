import { helpdeskDemoCustomers } from "./people";

export type DemoStep = { at: number } & ({ kind: "reply" | "note"; text: string } | { kind: "status"; status: string });

export interface DemoTicketScript {
  openedAt: number;
  subject: string;
  description: string;
  priority: "Low" | "Medium" | "High" | "Urgent";
  type: string;
  raisedBy: string;
  customer: string | undefined;
  steps: DemoStep[];
  rating?: { stars: number; text: string; on: string };
}

const HOUR = 3_600_000;

const topics: [type: string, subject: string, description: string][] = [
  ["Access", "Cannot sign in to the family portal", "Password reset e-mail never arrives; tried twice this morning."],
  ["Scheduling", "Reschedule Thursday's family session", "Our counsellor is out on Thursday; can we move the session to Friday afternoon?"],
  ["Billing", "Invoice shows a duplicate charge", "The November invoice lists the intake assessment twice."],
  ["Clinical records", "Request for discharge summary", "The referring physician needs the discharge summary before the follow-up visit."],
  ["Access", "New staff member needs referral access", "Please give our new coordinator access to submit referrals."],
  ["Billing", "Insurance pre-authorisation status", "Has the pre-authorisation for the residential stay been approved?"],
  ["Scheduling", "Transport for Monday's admission", "The client needs transport from the airport on Monday morning."],
  ["Clinical records", "Correct date of birth on records", "The date of birth on the intake form is wrong by a day."],
  ["Access", "Two-factor codes not accepted", "Authenticator codes are rejected since the clock change."],
  ["Billing", "Payment plan request", "The family asks whether the balance can be split over six months."],
];

const replies = ["Thanks for reaching out — we're looking into this now.", "We've made the change; could you confirm it works on your side?", "Following up: the team has what it needs and will update you today."];
const notes = ["@agent2@demo.orchestrator.test can you check the billing side?", "Called the family, left a voicemail.", "Waiting on the records department."];
const comments = ["Quick and friendly, thank you!", "Solved, but it took a couple of days.", "Great support as always.", "Fine."];

/** A small deterministic generator so every demo machine shows the same tickets. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * Forty tickets over the last ten days (relative to `now`), in every state the list shows: new and on
 * time, at risk, breached, waiting on the customer, paused, resolved (most rated), closed.
 */
export function demoTicketScripts(now: number): DemoTicketScript[] {
  const random = rng(42);
  const scripts: DemoTicketScript[] = [];
  const priorities = ["Low", "Medium", "Medium", "High", "Urgent"] as const;
  for (let i = 0; i < 40; i++) {
    const [type, subject, description] = topics[i % topics.length]!;
    const customer = i % 3 === 2 ? undefined : helpdeskDemoCustomers[i % 2];
    const raisedBy = customer ? (i % 4 === 0 ? customer.portal.email : customer.others[0][2]) : `caller${i}@mail.example`;
    // Newest first in the list: ticket 0 an hour ago, the oldest about ten days back.
    const openedAt = now - (1 + i * 6 + Math.floor(random() * 4)) * HOUR;
    const stage = i % 8;
    const steps: DemoStep[] = [];
    const after = (hours: number) => Math.min(now - 60_000, openedAt + hours * HOUR);
    if (stage >= 2) steps.push({ at: after(1), kind: "reply", text: replies[i % replies.length]! });
    if (stage >= 3) steps.push({ at: after(1.5), kind: "note", text: notes[i % notes.length]! });
    if (stage === 4) steps.push({ at: after(2), kind: "status", status: "Replied" });
    if (stage === 5) steps.push({ at: after(2), kind: "status", status: "Paused" });
    if (stage >= 6) steps.push({ at: after(3), kind: "status", status: "Resolved" });
    if (stage === 7 && i > 20) steps.push({ at: after(30), kind: "status", status: "Closed" });
    const rated = stage >= 6 && i % 5 !== 0;
    scripts.push({
      openedAt,
      subject: i < topics.length ? subject : `${subject} (#${i + 1})`,
      description,
      priority: priorities[i % priorities.length]!,
      type,
      raisedBy,
      customer: customer?.name,
      steps,
      rating: rated ? { stars: 3 + (i % 3), text: comments[i % comments.length]!, on: new Date(after(4)).toISOString().replace("T", " ").replace("Z", "") } : undefined,
    });
  }
  return scripts;
}
