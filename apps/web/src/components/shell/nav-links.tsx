"use client";

import Link from "next/link";
import { usePathname } from "~/lib/navigation";
import type { ComponentType, SVGProps } from "react";
import { cx } from "../ui/cx";
import { FunnelIcon, InboxIcon, UsersIcon } from "../ui/icons";
import type { NavIcon, NavItem } from "./nav-items";

const icons: Record<NavIcon, ComponentType<SVGProps<SVGSVGElement>>> = { clients: UsersIcon, helpdesk: InboxIcon, crm: FunnelIcon };

function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Sidebar (from `sm` up): a vertical list of modules. */
export function SideNavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const Icon = icons[item.icon];
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cx("flex min-h-10 items-center gap-3 rounded-md px-3 text-sm font-medium", active ? "bg-accent-soft text-fg" : "text-muted hover:bg-surface-2 hover:text-fg")}
            >
              <Icon />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** Bottom bar (phones, ≤ 640 px): the same modules as thumb-sized tabs. */
export function BottomNavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex">
      {items.map((item) => {
        const Icon = icons[item.icon];
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href} className="flex-1">
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cx("flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs font-medium", active ? "text-accent" : "text-muted")}
            >
              <Icon />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
