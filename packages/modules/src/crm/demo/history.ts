import type { ScopedDb } from "@orchestrator/db";
import type { Database } from "@orchestrator/db/system";
import { convertLead } from "../services/convert";
import { moveDeal } from "../services/deals";
import { backdateDeal, backdateLead } from "./backdate";
import type { crmDemoTeams } from "./people";

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Team = (typeof crmDemoTeams)[number];
interface HistoryDeal {
  amount: number;
  /** Stages the deal moves through after conversion (it starts in the first stage). */
  moves: string[];
  /** Days ago of the last move (closed deals); open deals made their last move halfway to today. */
  closedDaysAgo?: number;
  lostReason?: string;
  /** Open deals: expected to close this many days from today. */
  expectedInDays?: number;
}
interface HistoryLead { first: string; last: string; organization: string; source: string; team: Team; daysAgo: number; status?: string; deal?: HistoryDeal }

const won = (amount: number, moves: string[], closedDaysAgo: number): HistoryDeal => ({ amount, moves: [...moves, "Won"], closedDaysAgo });
const lost = (amount: number, moves: string[], closedDaysAgo: number, lostReason: string): HistoryDeal => ({ amount, moves: [...moves, "Lost"], closedDaysAgo, lostReason });
const open = (amount: number, moves: string[], expectedInDays: number): HistoryDeal => ({ amount, moves, expectedInDays });

/** Twenty leads of the last 90 days across sources and both teams; twelve became deals: five won, three lost, four open. */
export const historyLeads: HistoryLead[] = [
  { first: "Nora", last: "Bell", organization: "Bellwood Family Practice", source: "Website", team: "East Coast", daysAgo: 86, deal: won(18_000, ["Demo/Making", "Proposal/Quotation"], 65) },
  { first: "Felix", last: "Grant", organization: "Granite Peak Health", source: "Advertisement", team: "East Coast", daysAgo: 80, deal: lost(9_000, ["Demo/Making"], 70, "Went with an in-house programme") },
  { first: "Iris", last: "Moreno", organization: "Moreno Pediatrics", source: "Referral", team: "East Coast", daysAgo: 74, status: "Contacted" },
  { first: "Theo", last: "Walsh", organization: "Walsh Behavioral", source: "Campaign", team: "East Coast", daysAgo: 61, deal: won(24_000, ["Proposal/Quotation", "Negotiation"], 30) },
  { first: "Lena", last: "Fox", organization: "Foxglove Wellness", source: "Cold Calling", team: "East Coast", daysAgo: 52, status: "Unqualified" },
  { first: "Caleb", last: "Stone", organization: "Stonebridge Recovery", source: "Website", team: "East Coast", daysAgo: 40, deal: open(15_000, ["Demo/Making", "Proposal/Quotation"], 20) },
  { first: "Ruth", last: "Adler", organization: "Adler Senior Living", source: "Existing Customer", team: "East Coast", daysAgo: 27, deal: won(30_000, ["Negotiation", "Ready to Close"], 6) },
  { first: "Jonah", last: "Price", organization: "Price Street Clinic", source: "Exhibition", team: "East Coast", daysAgo: 18, status: "Nurture" },
  { first: "Mila", last: "Hart", organization: "Hartford Counseling", source: "Walk In", team: "East Coast", daysAgo: 9, status: "New" },
  { first: "Omar", last: "Haddad", organization: "Cedar Grove Health", source: "Referral", team: "East Coast", daysAgo: 3, deal: open(12_000, [], 60) },
  { first: "Sofia", last: "Lind", organization: "Lindqvist Therapy", source: "Referral", team: "West Coast", daysAgo: 88, deal: won(20_000, ["Demo/Making", "Negotiation"], 58) },
  { first: "Marcus", last: "Young", organization: "Youngtree Health", source: "Website", team: "West Coast", daysAgo: 83, deal: lost(11_000, ["Demo/Making"], 60, "Budget moved to next year") },
  { first: "Hana", last: "Sato", organization: "Sato Integrative", source: "Advertisement", team: "West Coast", daysAgo: 71, status: "Junk" },
  { first: "Diego", last: "Ruiz", organization: "Ruiz Family Care", source: "Campaign", team: "West Coast", daysAgo: 66, deal: lost(16_000, ["Proposal/Quotation", "Negotiation"], 25, "Chose a provider closer to home") },
  { first: "Clara", last: "Nguyen", organization: "Nguyen Wellness Center", source: "Cold Calling", team: "West Coast", daysAgo: 55, deal: won(27_000, ["Demo/Making", "Proposal/Quotation"], 14) },
  { first: "Peter", last: "Olsen", organization: "Olsen Rehab", source: "Exhibition", team: "West Coast", daysAgo: 44, status: "Contacted" },
  { first: "Amara", last: "Obi", organization: "Obi Community Health", source: "Website", team: "West Coast", daysAgo: 33, deal: open(22_000, ["Proposal/Quotation", "Negotiation"], 10) },
  { first: "Lucas", last: "Ferreira", organization: "Ferreira Clinic", source: "Walk In", team: "West Coast", daysAgo: 21, deal: open(8_000, ["Negotiation", "Ready to Close"], 5) },
  { first: "Zoe", last: "Carter", organization: "Carter Behavioral", source: "Referral", team: "West Coast", daysAgo: 12, status: "New" },
  { first: "Ivan", last: "Petrov", organization: "Petrov Medical Group", source: "Existing Customer", team: "West Coast", daysAgo: 5, deal: open(14_000, ["Demo/Making"], 45) },
];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const domain = (organization: string) => `${organization.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "")}.example`;

/**
 * The dashboard's history (seed only): each lead written through the scoped layer as the demo admin
 * (validated, assigned round robin, audited), converted and moved like a salesperson would, then
 * moved back in time (backdate.ts): created `daysAgo`, converted a day later, moves spread evenly up
 * to the close. Returns how many leads and deals it made.
 */
export async function seedCrmHistory(db: Database, admin: ScopedDb, now: number): Promise<{ leads: number; deals: number }> {
  let deals = 0;
  for (const [i, h] of historyLeads.entries()) {
    const email = `${h.first}.${h.last}@${domain(h.organization)}`.toLowerCase();
    const phone = `+1 312 555 ${String(210 + i).padStart(4, "0")}`;
    const lead = await admin.insert("CRM Lead", { first_name: h.first, last_name: h.last, email, mobile_no: phone, organization: h.organization, source: h.source, status: h.status ?? "New", team: h.team });
    const created = now - h.daysAgo * DAY - 2 * HOUR;
    if (!h.deal) {
      await backdateLead(db, lead.name, created);
      continue;
    }
    const deal = h.deal;
    const dealCreated = created + Math.min(DAY, (now - created) / 4);
    const last = deal.closedDaysAgo === undefined ? (dealCreated + now) / 2 : now - deal.closedDaysAgo * DAY;
    const expected = deal.expectedInDays === undefined ? isoDay(last) : isoDay(now + deal.expectedInDays * DAY);
    const converted = await convertLead(admin, { lead: lead.name, deal: { amount: deal.amount, currency: "USD", expected_close_date: expected } });
    for (const stage of deal.moves) await moveDeal(admin, { name: converted.deal.name, stage, ...(stage === "Lost" ? { lost_reason: deal.lostReason ?? "Not a fit" } : {}) });
    const times = [dealCreated, ...deal.moves.map((_, m) => dealCreated + ((last - dealCreated) * (m + 1)) / deal.moves.length)];
    await backdateLead(db, lead.name, created, dealCreated);
    await backdateDeal(db, converted.deal.name, times);
    deals += 1;
  }
  return { leads: historyLeads.length, deals };
}
