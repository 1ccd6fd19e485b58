"use client";

import { Button } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";

/** Unexpected failures inside the signed-in pages: the shell stays, the page offers a retry. */
export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <div className="mx-auto max-w-xl pt-8">
      <ErrorState
        title="This page could not be shown"
        action={
          <Button variant="primary" onClick={() => retry()}>
            Try again
          </Button>
        }
      >
        Something went wrong on our side. Try again; if it keeps happening, tell your administrator
        {digest ? (
          <>
            {" "}
            and quote reference <code className="font-mono">{digest}</code>
          </>
        ) : null}
        .
      </ErrorState>
    </div>
  );
}
