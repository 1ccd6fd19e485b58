import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isAdmin } from "~/features/admin/is-admin";
import { caller } from "~/trpc/server";

/** Users, departments, permissions and the audit log: a plain "not found" for anyone but an admin. */
export default async function ManageLayout({ children }: { children: ReactNode }) {
  const me = await caller.core.me();
  if (!isAdmin(me.grants)) notFound();
  return children;
}
