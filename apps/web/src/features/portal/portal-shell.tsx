import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeSwitch } from "~/components/theme/theme-switch";
import { buttonClasses } from "~/components/ui/button";
import { SignOutIcon } from "~/components/ui/icons";
import type { Theme } from "~/lib/theme";
import { signOutAction } from "~/server/actions/sign-out";

/** The portal's frame: product and organisation, the contact's name, theme and sign-out. */
export function PortalShell({ name, organisations, theme, children }: { name: string; organisations: string[]; theme: Theme; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-4 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex min-h-14 max-w-4xl flex-wrap items-center gap-3 px-4 py-2 sm:px-6">
          <Link href="/portal" className="flex items-center gap-2 text-base font-semibold text-fg">
            <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-accent text-sm font-bold text-accent-fg">
              O
            </span>
            Support
          </Link>
          <span className="truncate text-sm text-muted">{organisations.join(", ")}</span>
          <div className="ml-auto flex items-center gap-2">
            <span className="hidden text-sm text-fg sm:inline">{name}</span>
            <ThemeSwitch initial={theme} />
            <form action={signOutAction}>
              <button type="submit" className={buttonClasses("ghost")}>
                <SignOutIcon />
                <span className="max-sm:sr-only">Sign out</span>
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
