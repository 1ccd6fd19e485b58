"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { signInMessage, type SignInState } from "~/lib/sign-in-state";
import { signInWithPassword } from "~/server/actions/sign-in";

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={buttonClasses("primary", "w-full")}>
      {pending ? "Signing in…" : "Sign in"}
    </button>
  );
}

/** Posts to a server action: works before hydration; errors render in place with the email kept. */
export function LoginForm({ callbackUrl, initialState }: { callbackUrl: string; initialState: SignInState }) {
  const [state, formAction] = useActionState(signInWithPassword, initialState);
  const message = signInMessage(state);
  const credentialsWrong = state.error === "invalid" || state.error === "missing";

  return (
    <form action={formAction} className="space-y-4">
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
          defaultValue={state.email}
          aria-invalid={credentialsWrong || undefined}
          aria-describedby={message ? "login-error" : undefined}
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
          aria-invalid={credentialsWrong || undefined}
          aria-describedby={message ? "login-error" : undefined}
          className={inputClasses}
        />
      </div>
      <SubmitButton />
    </form>
  );
}
