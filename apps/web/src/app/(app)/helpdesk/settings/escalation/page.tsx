import type { Metadata } from "next";
import { EscalationList } from "~/features/helpdesk/settings/escalation/escalation-list";

export const metadata: Metadata = { title: "Escalation rules" };

export default function Page() {
  return <EscalationList />;
}
