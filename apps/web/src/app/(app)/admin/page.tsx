import { redirect } from "next/navigation";
import { isAdmin } from "~/features/admin/is-admin";
import { caller } from "~/trpc/server";

export default async function AdminIndex() {
  const me = await caller.core.me();
  redirect(isAdmin(me.grants) ? "/admin/users" : "/admin/api-keys");
}
