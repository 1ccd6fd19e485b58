"use client";

import Link from "next/link";
import { ArticleView } from "~/features/helpdesk/kb";
import { ChevronLeftIcon } from "~/components/ui/icons";

/** A published knowledge-base article in the portal (drafts and archived ones read as not found). */
export function PortalArticle({ name }: { name: string }) {
  return (
    <>
      <Link href="/portal" className="mb-3 inline-flex min-h-10 items-center gap-1 text-sm text-muted hover:text-fg">
        <ChevronLeftIcon />
        Your requests
      </Link>
      <ArticleView name={name} />
    </>
  );
}
