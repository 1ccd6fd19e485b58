import type { Metadata } from "next";
import { AgentList } from "~/features/helpdesk/settings/agents/agent-list";

export const metadata: Metadata = { title: "Agents" };

export default function Page() {
  return <AgentList />;
}
