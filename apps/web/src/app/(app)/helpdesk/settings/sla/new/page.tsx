import type { Metadata } from "next";
import { SlaEditor } from "~/features/helpdesk/settings/sla/sla-editor";

export const metadata: Metadata = { title: "New · SLA policies" };

export default function Page() {
  return <SlaEditor />;
}
