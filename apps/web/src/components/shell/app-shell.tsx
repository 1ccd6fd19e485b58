import Link from "next/link";
import type { ReactNode } from "react";
import { HOME_PATH } from "~/lib/home-path";
import type { Theme } from "~/lib/theme";
import { SearchTrigger } from "../command-palette/search-trigger";
import { BottomNavLinks, SideNavLinks } from "./nav-links";
import type { NavItem } from "./nav-items";
import { UserMenu } from "./user-menu";

export interface ShellUser {
  name: string;
  email: string;
  theme: Theme;
}

/**
 * The signed-in frame: top bar (product, global search, the user menu), a sidebar from `sm` up,
 * and a bottom navigation bar on phones (≤ 640 px).
 */
export function AppShell({ user, nav, children }: { user: ShellUser; nav: NavItem[]; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-4 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-line bg-surface">
        <div className="flex h-14 items-center gap-3 px-4 sm:px-6">
          <Link href={HOME_PATH} className="flex items-center gap-2 text-base font-semibold text-fg">
            <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-accent text-sm font-bold text-accent-fg">
              O
            </span>
            <span className="max-[360px]:sr-only">Orchestrator</span>
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-3">
            <SearchTrigger nav={nav} />
            <UserMenu name={user.name} email={user.email} theme={user.theme} />
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Main" className="hidden w-56 shrink-0 border-r border-line bg-surface p-3 sm:block">
          {nav.length ? <SideNavLinks items={nav} /> : <p className="px-3 text-sm text-muted">No modules available.</p>}
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 pt-4 pb-24 sm:px-6 sm:pt-6 sm:pb-10 lg:px-8">
          {children}
        </main>
      </div>
      {nav.length ? (
        <nav aria-label="Main" className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] sm:hidden">
          <BottomNavLinks items={nav} />
        </nav>
      ) : null}
    </div>
  );
}
