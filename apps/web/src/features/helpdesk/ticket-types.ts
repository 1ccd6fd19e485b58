import type { RouterOutputs } from "@orchestrator/modules";

export type TicketPageData = RouterOutputs["helpdeskAgent"]["ticket"];
export type TicketDoc = TicketPageData["ticket"];
export type ThreadEntry = TicketPageData["comments"][number];
export type ActivityEntry = TicketPageData["activities"][number];
