"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "~/components/ui/cx";

const sections = [
  { href: "/admin/users", label: "Users", admin: true },
  { href: "/admin/departments", label: "Departments", admin: true },
  { href: "/admin/permissions", label: "Permissions", admin: true },
  { href: "/admin/audit", label: "Audit log", admin: true },
  { href: "/admin/api-keys", label: "API keys", admin: false },
];

/** Section tabs of Administration; a user without admin rights sees only their API keys. */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const items = sections.filter((s) => isAdmin || !s.admin);
  return (
    <nav aria-label="Administration" className="-mx-1 mb-4 overflow-x-auto sm:mb-6">
      <ul className="flex gap-1 border-b border-line px-1">
        {items.map((s) => {
          const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                className={cx("inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap sm:min-h-10", active ? "border-accent text-fg" : "border-transparent text-muted hover:text-fg")}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
