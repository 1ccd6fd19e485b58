"use client";

import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { describeSaveError, type FieldErrors, type SaveFailure } from "./server-errors";

/**
 * The state every settings editor shares: the draft being edited, the `modified` it started from
 * (absent for a new document), and the last save's failure. Field errors are dropped field by field
 * as the user edits (`clear`), so a fixed field stops showing its message at once.
 */
export function useSettingsEditor<T>(initial: T, initialModified: string | undefined) {
  const [draft, setDraft] = useState<T>(initial);
  const [modified, setModified] = useState<string | undefined>(initialModified);
  const [failure, setFailure] = useState<SaveFailure | null>(null);

  const errors: FieldErrors = failure?.kind === "fields" ? failure.fields : {};
  const update = (patch: Partial<T>, ...paths: string[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (paths.length && failure?.kind === "fields") {
      const left = Object.fromEntries(Object.entries(failure.fields).filter(([p]) => !paths.some((x) => p === x || p.startsWith(`${x}.`) || p.startsWith(`${x}[`))));
      setFailure(Object.keys(left).length ? { ...failure, fields: left } : null);
    }
  };
  return {
    draft,
    modified,
    errors,
    failure,
    update,
    /** Replace the draft (a reload, a save's answer). */
    reset: (next: T, nextModified: string | undefined) => {
      setDraft(next);
      setModified(nextModified);
      setFailure(null);
    },
    /** After a conflict: adopt the saved `modified`, keep the draft, so the next Save overwrites. */
    adoptModified: (nextModified: string) => {
      setModified(nextModified);
      setFailure(null);
      toast.info("Your changes are kept. Review them and press Save to replace the saved version.");
    },
    onError: (error: unknown) => setFailure(describeSaveError(error)),
    clearFailure: () => setFailure(null),
  };
}
