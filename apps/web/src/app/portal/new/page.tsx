import type { Metadata } from "next";
import { NewPortalTicket } from "~/features/portal/new-ticket";

export const metadata: Metadata = { title: "New support request · Orchestrator" };

export default function NewPortalTicketPage() {
  return <NewPortalTicket />;
}
