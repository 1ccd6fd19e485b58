import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackUrl } from "~/lib/sign-in-url";
import { stateFromQuery } from "~/lib/sign-in-state";
import { getRequestContext } from "~/trpc/context";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(first(query.callbackUrl));
  // Already signed in (a valid session, checked like any API request): nothing to do here.
  if ((await getRequestContext()).principal) redirect(callbackUrl);
  const expired = first(query.reason) === "expired";

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-md bg-accent font-bold text-accent-fg">
            O
          </span>
          Orchestrator
        </div>
        <div className="rounded-xl border border-line bg-surface p-6 shadow-sm sm:p-8">
          <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
          <p className="mb-6 text-sm text-muted">Use your work email and password.</p>
          {expired ? (
            <p role="status" className="mb-4 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm text-warn">
              Your session has expired. Sign in again to continue.
            </p>
          ) : null}
          <LoginForm callbackUrl={callbackUrl} initialState={stateFromQuery(first(query.error), first(query.code))} />
        </div>
      </div>
    </main>
  );
}
