"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "~/components/ui/toast";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { errorDetails } from "~/trpc/error-code";
import type { SavedViewsConfig } from "./config";

export type SavedView = RouterOutputs["views"]["list"][number];

/** A failed change, as the UI reports it: a message per field the server named, else one message. */
export interface ViewError {
  label?: string;
  form?: string;
}

export function viewError(error: unknown): ViewError {
  const { fieldErrors, message, code } = errorDetails(error);
  if (code === "CONFLICT") return { form: "This view was changed in another tab or window. Its latest version is shown now; try again." };
  const label = fieldErrors.find((f) => f.field === "label")?.message;
  const other = fieldErrors.filter((f) => f.field !== "label").map((f) => f.message);
  return { label, form: other.length ? other.join(" ") : label ? undefined : message };
}

/**
 * The signed-in user's saved views of one list (`config.list`), and the changes to them. Each change
 * refreshes the list and says what happened in a toast; the caller decides what a failure shows.
 */
export function useSavedViews(config: Pick<SavedViewsConfig, "list" | "moduleLabel">) {
  const LIST = config.list;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const views = useQuery(trpc.views.list.queryOptions({ list: LIST }, { staleTime: 60_000 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.views.list.queryKey({ list: LIST }) });
  // A conflict means the list in hand is stale: reload it either way.
  const onSettled = () => void refresh();

  const create = useMutation(trpc.views.create.mutationOptions({ onSettled }));
  const update = useMutation(trpc.views.update.mutationOptions({ onSettled }));
  const remove = useMutation(trpc.views.delete.mutationOptions({ onSettled }));

  return {
    views,
    save: (label: string, query: string, isDefault: boolean) =>
      create.mutateAsync({ list: LIST, label, query, isDefault }).then((view) => {
        toast.success(isDefault ? `View “${view.label}” saved as your default` : `View “${view.label}” saved`);
        return view;
      }),
    rename: (view: SavedView, label: string) =>
      update.mutateAsync({ name: view.name, modified: view.modified, label }).then((next) => {
        toast.success(`View renamed to “${next.label}”`);
        return next;
      }),
    overwrite: (view: SavedView, query: string) =>
      update.mutateAsync({ name: view.name, modified: view.modified, query }).then(() => toast.success(`View “${view.label}” now shows the current filters`), toastFailure),
    setDefault: (view: SavedView, isDefault: boolean) =>
      update
        .mutateAsync({ name: view.name, modified: view.modified, isDefault })
        .then(() => toast.success(isDefault ? `“${view.label}” opens when you go to ${config.moduleLabel}` : `“${view.label}” is no longer your default`), toastFailure),
    remove: (view: SavedView) => remove.mutateAsync({ name: view.name }).then(() => toast.success(`View “${view.label}” deleted`)),
    pending: create.isPending || update.isPending || remove.isPending,
  };
}

/** A failed change reported as a toast (one-click changes have no form to show it in). */
export function toastFailure(error: unknown): void {
  if (trpcErrorCode(error) === "NOT_FOUND") toast.error("That view no longer exists");
  else {
    const { form, label } = viewError(error);
    toast.error(form ?? label ?? "The view could not be changed");
  }
}
