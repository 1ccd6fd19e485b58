"use client";

import Link from "next/link";
import { usePathname } from "~/lib/navigation";
import { cx } from "./cx";

export interface SectionTab {
  href: string;
  label: string;
}

/** A section's sub-pages as underlined tabs (links; the current one has aria-current="page"). */
export function SectionTabs({ label, tabs }: { label: string; tabs: SectionTab[] }) {
  const pathname = usePathname();
  // The most specific tab wins, so /account does not stay current on /account/api-keys.
  const current = tabs.filter((t) => pathname === t.href || pathname.startsWith(`${t.href}/`)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className="-mx-1 mb-4 overflow-x-auto sm:mb-6">
      <ul className="flex gap-1 border-b border-line px-1">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.href === current ? "page" : undefined}
              className={cx("inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap sm:min-h-10", t.href === current ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg")}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
