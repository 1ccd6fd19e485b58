import type { Metadata } from "next";
import { PipelineBoard } from "~/features/crm/pipeline/pipeline-board";
import { BOARD_INPUT, ORGANIZATIONS_INPUT } from "~/features/crm/pipeline/board-input";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Pipeline" };

/** The deals Kanban board, server-rendered with its deals and stages. */
export default async function PipelinePage() {
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.crm.board.queryOptions(BOARD_INPUT)), queryClient.prefetchQuery(trpc.crm.catalogues.queryOptions()), queryClient.prefetchQuery(trpc.crm.organizations.list.queryOptions(ORGANIZATIONS_INPUT))]);
  return (
    <HydrateClient>
      <PipelineBoard />
    </HydrateClient>
  );
}
