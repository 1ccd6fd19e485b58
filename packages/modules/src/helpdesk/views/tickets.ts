import type { ScopedDb } from "@orchestrator/db";
import { getTicket, listTickets, type TicketListInput } from "../tickets/service";
import { ticketListOutput, ticketPageOutput } from "./schemas";

/** Where the list stops counting (the service counts one past it). */
const COUNT_CAP = 10_000;

/** The agent list as typed rows, with the capped total said as such ("10,000+"). */
export async function agentTicketList(scoped: ScopedDb, input: TicketListInput) {
  const out = await listTickets(scoped, input);
  return ticketListOutput.parse({ ...out, total: Math.min(out.total, COUNT_CAP), totalIsCapped: out.total > COUNT_CAP });
}

/** A ticket with its thread and activity log, typed (out of scope: NOT_FOUND from the data layer). */
export async function agentTicketPage(scoped: ScopedDb, name: string) {
  return ticketPageOutput.parse(await getTicket(scoped, name));
}
