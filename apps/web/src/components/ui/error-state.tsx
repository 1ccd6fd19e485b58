import type { ReactNode } from "react";

/** A failed load: what happened, in plain words, and a way to try again. */
export function ErrorState({ title = "Something went wrong", children, action }: { title?: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div role="alert" className="rounded-lg border border-danger/40 bg-danger-soft px-6 py-8 text-center">
      <p className="text-base font-semibold text-danger">{title}</p>
      <div className="mt-1 text-sm text-fg">{children ?? "The data could not be loaded. Check your connection and try again."}</div>
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </div>
  );
}
