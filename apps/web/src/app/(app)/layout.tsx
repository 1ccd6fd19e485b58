import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "~/components/shell/app-shell";
import { DeferredLiveUpdates } from "~/components/shell/deferred-live-updates";
import { navItemsFor } from "~/components/shell/nav-items";
import { THEME_COOKIE, parseTheme } from "~/lib/theme";
import { withSession } from "~/server/session";
import { caller } from "~/trpc/server";
import { TRPCReactProvider } from "~/trpc/react";

export const dynamic = "force-dynamic";

/**
 * Every signed-in page. The session is checked here, server-side, through the same path as the
 * API (core.me): no session, or one that expired, redirects to /login and back.
 */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const me = await withSession(() => caller.core.me());
  // A customer's contact (helpdesk scope own_customer) has the portal, not the staff workspace.
  if (me.grants.helpdesk?.scope === "own_customer") redirect("/portal");
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <TRPCReactProvider>
      <DeferredLiveUpdates />
      <AppShell user={{ name: me.fullName || me.user, email: me.user, theme }} nav={navItemsFor(me.grants)}>
        {children}
      </AppShell>
    </TRPCReactProvider>
  );
}
