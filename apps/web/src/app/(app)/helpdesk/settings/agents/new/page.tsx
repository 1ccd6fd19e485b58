import type { Metadata } from "next";
import { AgentEditor } from "~/features/helpdesk/settings/agents/agent-editor";

export const metadata: Metadata = { title: "New · Agents" };

export default function Page() {
  return <AgentEditor />;
}
