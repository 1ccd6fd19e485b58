import { buttonClasses } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { signInMessage, type SignInState } from "~/lib/sign-in-state";

export interface SignInPageProps {
  callbackUrl: string;
  state: SignInState;
  /** The email of the attempt that just failed, so it does not have to be typed again. */
  email: string;
  expired: boolean;
}

/**
 * The sign-in page: a plain HTML form posting to /api/session, rendered on the server and shipped
 * without any JavaScript (pages/login.tsx), so it is usable at once on a slow phone. Errors come
 * back as a 303 to this page with the reason in the query string.
 */
export function SignInPage({ callbackUrl, state, email, expired }: SignInPageProps) {
  const message = signInMessage(state);
  const credentialsWrong = state.error === "invalid" || state.error === "missing";
  const describedBy = message ? "login-error" : undefined;
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
          {expired && !message ? (
            <p role="status" className="mb-4 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm text-warn">
              Your session has expired. Sign in again to continue.
            </p>
          ) : null}
          <form method="post" action="/api/session" className="space-y-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            {message ? (
              <p id="login-error" role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm text-danger">
                {message}
              </p>
            ) : null}
            <div>
              <label htmlFor="email" className={labelClasses}>
                Email
              </label>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                inputMode="email"
                required
                maxLength={320}
                defaultValue={email}
                autoFocus={!email}
                aria-invalid={credentialsWrong || undefined}
                aria-describedby={describedBy}
                className={inputClasses}
              />
            </div>
            <div>
              <label htmlFor="password" className={labelClasses}>
                Password
              </label>
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                maxLength={1024}
                autoFocus={!!email}
                aria-invalid={credentialsWrong || undefined}
                aria-describedby={describedBy}
                className={inputClasses}
              />
            </div>
            <button type="submit" className={buttonClasses("primary", "w-full")}>
              Sign in
            </button>
          </form>
        </div>
      </div>
    </main>
  );
}
