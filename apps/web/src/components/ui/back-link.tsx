import Link from "next/link";
import type { ReactNode } from "react";
import { ChevronLeftIcon } from "./icons";

/** The "‹ Leads" link above a record or form page, back to its list: touch-sized, quiet until hovered. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="mb-3 inline-flex min-h-10 items-center gap-1 text-sm text-muted hover:text-fg">
      <ChevronLeftIcon />
      {children}
    </Link>
  );
}
