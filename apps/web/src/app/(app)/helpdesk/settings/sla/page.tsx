import type { Metadata } from "next";
import { SlaList } from "~/features/helpdesk/settings/sla/sla-list";

export const metadata: Metadata = { title: "SLA policies" };

export default function Page() {
  return <SlaList />;
}
