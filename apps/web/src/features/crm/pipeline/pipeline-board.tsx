"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { ErrorState } from "~/components/ui/error-state";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { CrmNav } from "../crm-nav";
import { DealCard } from "./deal-card";
import { formatMoney, text } from "../format";
import { LostReasonDialog } from "./lost-reason-dialog";
import { useCardDrag } from "./use-card-drag";
import { useCrmCatalogues, type Stage } from "../use-crm-catalogues";
import { useOrganizationNames } from "../use-organization-names";
import { boardDeals, type BoardColumn } from "./board-data";
import { BOARD_INPUT, BOARD_MAX, BOARD_STEP, showMore, type BoardInput } from "./board-input";
import { useMoveDeal } from "./use-move-deal";

type Row = Record<string, unknown>;

/**
 * The pipeline as a Kanban board: a column per configured stage (with its probability, and the count
 * and value of all its deals), the most recently changed deals of the caller's teams as cards, "Show
 * more" per column (up to 200; the deals list has the rest). Drag a card by its grip, or use its
 * "Move to…" select; a stage that requires a lost reason asks for it first. Columns scroll sideways on phones.
 */
export function PipelineBoard() {
  const trpc = useTRPC();
  const catalogues = useCrmCatalogues();
  const [input, setInput] = useState<BoardInput>(BOARD_INPUT);
  const board = useQuery({ ...trpc.crm.board.queryOptions(input), placeholderData: keepPreviousData });
  const move = useMoveDeal(input);
  const organizationName = useOrganizationNames();
  const [asking, setAsking] = useState<{ deal: string; stage: string; error?: string | undefined } | null>(null);
  const stages = catalogues.data?.stages ?? [];
  const rows = boardDeals(board.data);
  const total = board.data?.columns.reduce((n, c) => n + c.total, 0);

  const requestMove = (name: string, stage: string) => {
    const deal = rows.find((r) => r.name === name);
    if (!deal || text(deal.status) === stage) return;
    if (stages.find((s) => s.name === stage)?.requiresLostReason) return setAsking({ deal: name, stage });
    move.mutate({ name, stage, modified: text(deal.modified) });
  };
  const { drag, gripProps } = useCardDrag(requestMove);

  const submitReason = (reason: string) => {
    if (!asking) return;
    const deal = rows.find((r) => r.name === asking.deal);
    move.mutate(
      { name: asking.deal, stage: asking.stage, lost_reason: reason, modified: text(deal?.modified) },
      {
        onSuccess: () => setAsking(null),
        onError: (e) => setAsking((a) => a && { ...a, error: errorDetails(e).fieldErrors.find((f) => f.field === "lost_reason")?.message ?? errorDetails(e).message }),
      },
    );
  };

  return (
    <>
      <PageHeader title="CRM" description={total !== undefined ? `${total.toLocaleString("en-US")} deal${total === 1 ? "" : "s"} in the pipeline` : " "} />
      <CrmNav />
      {board.error && !board.data ? (
        <ErrorState title="The pipeline could not be loaded" action={<Button variant="primary" onClick={() => void board.refetch()}>Try again</Button>} />
      ) : !board.data || !catalogues.data ? (
        <div role="status" aria-label="Loading the pipeline" className="flex gap-3 overflow-hidden">
          {[0, 1, 2].map((i) => <Skeleton key={i} className="h-64 w-72 shrink-0" />)}
        </div>
      ) : (
        <div role="region" aria-label="Pipeline board" tabIndex={0} className="-mx-4 flex snap-x snap-mandatory gap-3 overflow-x-auto px-4 pb-4 sm:mx-0 sm:snap-none sm:px-0">
          {stages.map((stage) => (
            <StageColumn key={stage.name} stage={stage} column={board.data.columns.find((c) => c.stage === stage.name)} loading={board.isPlaceholderData} onMore={(shown) => setInput((i) => showMore(i, stage.name, shown))} over={drag?.over === stage.name && rows.find((r) => r.name === drag.name)?.status !== stage.name}>
              {(deal) => <DealCard key={text(deal.name)} deal={deal} organization={organizationName(deal.organization)} stages={stages} drag={drag} grip={gripProps(text(deal.name))} onMove={(s) => requestMove(text(deal.name), s)} />}
            </StageColumn>
          ))}
        </div>
      )}
      {asking ? <LostReasonDialog deal={asking.deal} stage={asking.stage} error={asking.error} busy={move.isPending} onSubmit={submitReason} onClose={() => setAsking(null)} /> : null}
    </>
  );
}

function StageColumn({ stage, column, loading, onMore, over, children }: { stage: Stage; column: BoardColumn | undefined; loading: boolean; onMore: (shown: number) => void; over: boolean; children: (deal: Row) => React.ReactNode }) {
  const headingId = `stage-${stage.position}`;
  const deals = column?.deals ?? [];
  const total = column?.total ?? 0;
  const value = (column?.amounts ?? []).map((a) => formatMoney(a.amount, a.currency)).join(" + ");
  return (
    <section aria-labelledby={headingId} data-stage-drop={stage.name} className={cx("flex w-[85vw] max-w-80 shrink-0 snap-start flex-col gap-2 rounded-lg border bg-surface-2 p-2 sm:w-72", over ? "border-accent ring-2 ring-accent" : "border-line")}>
      <header className="px-1 pt-1">
        <h2 className="flex items-baseline justify-between gap-2 text-sm font-semibold">
          <span id={headingId}>{stage.name}</span>
          <span className="text-xs font-normal text-muted">{stage.probability}%</span>
        </h2>
        <p className="text-xs text-muted">{total.toLocaleString("en-US")} deal{total === 1 ? "" : "s"}{value ? ` · ${value}` : ""}</p>
      </header>
      <div className="flex min-h-24 flex-col gap-2">
        {deals.length ? deals.map(children) : <p className="px-1 py-6 text-center text-xs text-muted">No deals</p>}
      </div>
      {deals.length < total ? (
        deals.length < BOARD_MAX ? (
          <Button className="w-full" disabled={loading} onClick={() => onMore(deals.length)}>
            Show {Math.min(BOARD_STEP, total - deals.length)} more<span className="sr-only"> in {stage.name}</span> ({(total - deals.length).toLocaleString("en-US")} not shown)
          </Button>
        ) : (
          <Link href={`/crm/deals?stage=${encodeURIComponent(stage.name)}`} className="px-1 py-2 text-center text-sm text-accent underline-offset-2 hover:underline">
            All {total.toLocaleString("en-US")} in the deals list
          </Link>
        )
      ) : null}
    </section>
  );
}
