import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "~/features/admin/admin-nav";
import { isAdmin } from "~/features/admin/is-admin";
import { caller } from "~/trpc/server";

/**
 * Administration (users, departments, permissions, the audit log): a plain "not found" for anyone
 * but an admin. Toasts use the shared <Toaster> mounted by TRPCReactProvider.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const me = await caller.core.me();
  if (!isAdmin(me.grants)) notFound();
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
