import type { Metadata } from "next";
import { PortalTicketList } from "~/features/portal/ticket-list";

export const metadata: Metadata = { title: "Support · Orchestrator" };

export default function PortalHome() {
  return <PortalTicketList />;
}
