import { redirect } from "next/navigation";
import { navItemsFor } from "~/components/shell/nav-items";
import { withSession } from "~/server/session";
import { caller } from "~/trpc/server";

export const dynamic = "force-dynamic";

/**
 * The home page: each user goes on to the first module they may use (the sidebar's order), a
 * customer's contact to the support portal, someone with no module to their account page. No session:
 * the sign-in page.
 */
export default async function Home(): Promise<never> {
  const me = await withSession(() => caller.core.me());
  if (me.grants.helpdesk?.scope === "own_customer") redirect("/portal");
  redirect(navItemsFor(me.grants)[0]?.href ?? "/account");
}
