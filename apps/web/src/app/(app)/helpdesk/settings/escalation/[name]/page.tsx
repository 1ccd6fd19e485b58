import type { Metadata } from "next";
import { EscalationEditor } from "~/features/helpdesk/settings/escalation/escalation-editor";
import { decodeSegment } from "~/lib/route-segment";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeSegment((await params).name)} · Escalation rules` };
}

export default async function Page({ params }: Props) {
  return <EscalationEditor name={decodeSegment((await params).name)} />;
}
