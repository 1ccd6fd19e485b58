import type { Metadata } from "next";
import { SlaEditor } from "~/features/helpdesk/settings/sla/sla-editor";
import { decodeSegment } from "~/lib/route-segment";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeSegment((await params).name)} · SLA policies` };
}

export default async function Page({ params }: Props) {
  return <SlaEditor name={decodeSegment((await params).name)} />;
}
