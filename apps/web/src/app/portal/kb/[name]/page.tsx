import type { Metadata } from "next";
import { PortalArticle } from "~/features/portal/portal-article";
import { decodeSegment } from "~/lib/route-segment";

export const metadata: Metadata = { title: "Help article · Orchestrator" };

export default async function PortalArticlePage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return <PortalArticle name={decodeSegment(name)} />;
}
