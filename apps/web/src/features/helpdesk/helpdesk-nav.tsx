"use client";

import Link from "next/link";
import { cx } from "~/components/ui/cx";
import { usePathname } from "~/lib/navigation";

const links = [
  { href: "/helpdesk", label: "Tickets" },
  { href: "/helpdesk/dashboard", label: "Dashboard" },
  { href: "/helpdesk/kb", label: "Knowledge base" },
  { href: "/helpdesk/notifications", label: "Notifications" },
  { href: "/helpdesk/settings", label: "Settings" },
];

/** The helpdesk's own sections, under its page titles. */
export function HelpdeskNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Helpdesk" className="mb-4 flex gap-1 overflow-x-auto border-b border-line">
      {links.map((l) => {
        const active = l.href === "/helpdesk" ? pathname === "/helpdesk" : pathname.startsWith(l.href);
        return (
          <Link key={l.href} href={l.href} aria-current={active ? "page" : undefined} className={cx("-mb-px inline-flex min-h-11 shrink-0 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap sm:min-h-10", active ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg")}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
