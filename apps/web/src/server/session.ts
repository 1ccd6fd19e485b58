import "server-only";
import { NEXT_AUTH_SECURE_SESSION_COOKIE, NEXT_AUTH_SESSION_COOKIE } from "@orchestrator/auth";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { signInUrl } from "~/lib/sign-in-url";
import { trpcErrorCode } from "~/trpc/error-code";
import { getRequestContext } from "~/trpc/context";
import { currentPath } from "./request";

/**
 * Whether the browser still carries a session that the server no longer accepts (expired, signed
 * out elsewhere, revoked) — as opposed to never having signed in. Only chooses the message on the
 * sign-in page; it grants nothing.
 */
async function hadSession(): Promise<boolean> {
  if ((await getRequestContext()).authError) return true;
  const names = [NEXT_AUTH_SESSION_COOKIE, NEXT_AUTH_SECURE_SESSION_COOKIE];
  return (await cookies()).getAll().some((c) => names.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

/** Sends the user to /login, remembering the page they asked for. */
export async function redirectToSignIn(): Promise<never> {
  redirect(signInUrl(await currentPath(), (await hadSession()) ? "expired" : undefined));
}

/** A server-side tRPC call for a signed-in page: UNAUTHORIZED becomes a redirect to /login. */
export async function withSession<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (trpcErrorCode(error) === "UNAUTHORIZED") return redirectToSignIn();
    throw error;
  }
}

/**
 * A document page's server-side load: no session redirects to /login; NOT FOUND (out of the user's
 * scope reads the same) or a malformed name renders the plain not-found page; anything else throws
 * to the error boundary.
 */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await withSession(load);
  } catch (error) {
    const code = trpcErrorCode(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
}
