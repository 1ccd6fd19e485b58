"use client";

import { ArticleView } from "~/features/helpdesk/kb";
import { BackLink } from "~/components/ui/back-link";

/** A published knowledge-base article in the portal (drafts and archived ones read as not found). */
export function PortalArticle({ name }: { name: string }) {
  return (
    <>
      <BackLink href="/portal">Your requests</BackLink>
      <ArticleView name={name} />
    </>
  );
}
