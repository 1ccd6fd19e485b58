import type { Ref } from "react";

/**
 * A refused form's summary above its fields: the form-level message, or the field errors in one
 * sentence. An alert, focusable so the form can move focus to it after a refused submit.
 */
export function FormErrorSummary({ errors, summaryRef }: { errors: Readonly<Record<string, string | undefined>>; summaryRef?: Ref<HTMLDivElement> }) {
  const fieldErrors = Object.entries(errors).filter(([k, m]) => k !== "form" && m);
  if (!errors.form && !fieldErrors.length) return null;
  return (
    <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
      {errors.form ?? `Check ${fieldErrors.length === 1 ? "this field" : "these fields"}: ${fieldErrors.map(([, m]) => m).join("; ")}`}
    </div>
  );
}
