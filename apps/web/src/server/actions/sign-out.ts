"use server";

import { signOut } from "@orchestrator/auth/next-auth";

/** Ends the session (the auth package revokes it in Redis) and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
