import type { ReactNode } from "react";
import { AdminNav } from "~/features/admin/admin-nav";
import { isAdmin } from "~/features/admin/is-admin";
import { caller } from "~/trpc/server";

/**
 * Administration's frame: section tabs. API keys are open to every signed-in user. Toasts use the
 * shared <Toaster> mounted by TRPCReactProvider for every signed-in page.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const me = await caller.core.me();
  return (
    <>
      <AdminNav isAdmin={isAdmin(me.grants)} />
      {children}
    </>
  );
}
