"use client";

import type { RouterInputs, RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { BOARD_INPUT } from "./board-input";
import { text } from "../format";

type BoardData = RouterOutputs["crm"]["deals"]["list"];
export type MoveInput = RouterInputs["crm"]["moveDeal"];

/**
 * Moves a deal to a stage, optimistically on the board: the card changes column at once and goes back
 * (with a toast) if the server refuses. A refusal on `lost_reason` is left to the caller's dialog.
 */
export function useMoveDeal() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const boardKey = trpc.crm.deals.list.queryKey(BOARD_INPUT);
  return useMutation(trpc.crm.moveDeal.mutationOptions({
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: boardKey });
      const before = queryClient.getQueryData<BoardData>(boardKey);
      if (before) queryClient.setQueryData<BoardData>(boardKey, { ...before, rows: before.rows.map((r) => (r.name === input.name ? { ...r, status: input.stage } : r)) });
      return { before };
    },
    onError: (error, input, context) => {
      if (context?.before) queryClient.setQueryData(boardKey, context.before);
      const { fieldErrors, message } = errorDetails(error);
      if (!fieldErrors.some((f) => f.field === "lost_reason")) toast.error(`${input.name} was not moved`, { description: fieldErrors[0]?.message ?? message });
    },
    onSuccess: (doc) => {
      // The moved row's new `modified` at once, so a next move right after this one is not a stale write.
      const now = queryClient.getQueryData<BoardData>(boardKey);
      if (now) queryClient.setQueryData<BoardData>(boardKey, { ...now, rows: now.rows.map((r) => (r.name === doc.name ? { ...r, ...doc } : r)) });
      toast.success(`${text(doc.name)} moved to ${text(doc.status)}`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.crm.pathKey() }),
  }));
}
