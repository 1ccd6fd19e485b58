import { authenticateRequest } from "@orchestrator/auth";
import { parseCookieHeader } from "@orchestrator/auth/cookies";
import type { GetServerSideProps, PageConfig } from "next";
import Head from "next/head";
import { SignInPage, type SignInPageProps } from "~/features/sign-in/sign-in-page";
import { safeCallbackUrl } from "~/lib/sign-in-url";
import { SIGN_IN_EMAIL_COOKIE, stateFromQuery } from "~/lib/sign-in-state";

/**
 * /login ships no JavaScript: a server-rendered form posting to /api/session. This is why it is a
 * Pages Router page: the App Router always loads React and its router in the browser (≈130 kB
 * gzip before any page code), the Pages Router can leave them out per page.
 */
export const config: PageConfig = { runtime: "nodejs", unstable_runtimeJS: false };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The incoming request's headers as a fetch `Request`, to authenticate it like any API request. */
function asFetchRequest(headers: Record<string, string | string[] | undefined>): Request {
  const fetchHeaders = new Headers();
  for (const [key, value] of Object.entries(headers)) {
    if (typeof value === "string") fetchHeaders.set(key, value);
    else if (Array.isArray(value)) fetchHeaders.set(key, value.join(", "));
  }
  return new Request("http://localhost/login", { headers: fetchHeaders });
}

export const getServerSideProps: GetServerSideProps<SignInPageProps> = async ({ req, res, query }) => {
  const callbackUrl = safeCallbackUrl(first(query.callbackUrl));
  // Already signed in (a live session, checked like any API request): nothing to do here.
  const signedIn = await authenticateRequest(asFetchRequest(req.headers)).catch(() => null);
  if (signedIn) return { redirect: { destination: callbackUrl, permanent: false } };

  const email = parseCookieHeader(req.headers.cookie).get(SIGN_IN_EMAIL_COOKIE) ?? "";
  // The email of a failed attempt is shown once, then forgotten.
  if (email) res.setHeader("set-cookie", `${SIGN_IN_EMAIL_COOKIE}=; Path=/login; Max-Age=0; HttpOnly; SameSite=Lax`);
  res.setHeader("cache-control", "private, no-store");
  const state = stateFromQuery(first(query.error), first(query.code), first(query.retry));
  return { props: { callbackUrl, state, email: email.slice(0, 320), expired: first(query.reason) === "expired" } };
};

export default function Login(props: SignInPageProps) {
  return (
    <>
      <Head>
        <title>Sign in · Orchestrator</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content="Care coordination for clients, programs and staff." />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <SignInPage {...props} />
    </>
  );
}
