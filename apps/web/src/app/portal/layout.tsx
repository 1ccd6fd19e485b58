import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { PortalShell } from "~/features/portal/portal-shell";
import { THEME_COOKIE, parseTheme } from "~/lib/theme";
import { HOME_PATH } from "~/lib/sign-in-url";
import { withSession } from "~/server/session";
import { caller } from "~/trpc/server";
import { TRPCReactProvider } from "~/trpc/react";

export const dynamic = "force-dynamic";

/**
 * The customer portal: its own light shell (no staff navigation). Only customers' contacts use it;
 * staff are sent to their workspace. The session is checked server-side as for every signed-in page.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const me = await withSession(() => caller.portal.me());
  if (!me.isPortalUser) redirect(HOME_PATH);
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <TRPCReactProvider>
      <PortalShell name={me.fullName || me.user} organisations={me.customers} theme={theme}>
        {children}
      </PortalShell>
    </TRPCReactProvider>
  );
}
