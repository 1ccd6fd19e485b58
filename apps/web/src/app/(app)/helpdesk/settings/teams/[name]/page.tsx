import type { Metadata } from "next";
import { TeamEditor } from "~/features/helpdesk/settings/teams/team-editor";
import { decodeSegment } from "~/lib/route-segment";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeSegment((await params).name)} · Teams` };
}

export default async function Page({ params }: Props) {
  return <TeamEditor name={decodeSegment((await params).name)} />;
}
