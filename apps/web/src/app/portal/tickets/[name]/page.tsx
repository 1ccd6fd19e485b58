import type { Metadata } from "next";
import { PortalTicketView } from "~/features/portal/ticket-view";
import { decodeSegment } from "~/lib/route-segment";

export const metadata: Metadata = { title: "Support request · Orchestrator" };

export default async function PortalTicketPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <PortalTicketView name={decodeSegment(name)} />;
}
