"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { describeSaveError } from "./server-errors";

/** Delete with a confirmation step: toasts the result and goes back to the list. */
export function useConfirmedDelete(remove: () => Promise<unknown>, what: string, backHref: string, onDeleted: () => Promise<unknown>) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await remove();
      toast.success(`${what} deleted`);
      await onDeleted();
      router.push(backHref);
    } catch (error) {
      const failure = describeSaveError(error);
      toast.error(failure.kind === "fields" ? Object.values(failure.fields).join(" ") : failure.message);
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };
  return { asking, busy, ask: () => setAsking(true), cancel: () => setAsking(false), confirm };
}
