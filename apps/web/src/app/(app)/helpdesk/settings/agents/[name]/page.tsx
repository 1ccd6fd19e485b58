import type { Metadata } from "next";
import { AgentEditor } from "~/features/helpdesk/settings/agents/agent-editor";
import { decodeSegment } from "~/lib/route-segment";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeSegment((await params).name)} · Agents` };
}

export default async function Page({ params }: Props) {
  return <AgentEditor name={decodeSegment((await params).name)} />;
}
