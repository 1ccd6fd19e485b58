import type { Metadata } from "next";
import { EscalationEditor } from "~/features/helpdesk/settings/escalation/escalation-editor";

export const metadata: Metadata = { title: "New · Escalation rules" };

export default function Page() {
  return <EscalationEditor />;
}
