"use client";

import { useQuery } from "@tanstack/react-query";
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
import { BOARD_INPUT } from "./board-input";
import { useMoveDeal } from "./use-move-deal";

type Row = Record<string, unknown>;

/**
 * The pipeline as a Kanban board: a column per configured stage (with its probability), the deals of
 * the caller's teams as cards. Drag a card by its grip, or use its "Move to…" select; a stage that
 * requires a lost reason asks for it first. Columns scroll sideways on phones.
 */
export function PipelineBoard() {
  const trpc = useTRPC();
  const catalogues = useCrmCatalogues();
  const deals = useQuery(trpc.crm.deals.list.queryOptions(BOARD_INPUT));
  const move = useMoveDeal();
  const organizationName = useOrganizationNames();
  const [asking, setAsking] = useState<{ deal: string; stage: string; error?: string | undefined } | null>(null);
  const stages = catalogues.data?.stages ?? [];
  const rows = deals.data?.rows ?? [];

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
      <PageHeader title="CRM" description={deals.data ? `${deals.data.total} deal${deals.data.total === 1 ? "" : "s"} in the pipeline` : " "} />
      <CrmNav />
      {deals.error && !deals.data ? (
        <ErrorState title="The pipeline could not be loaded" action={<Button variant="primary" onClick={() => void deals.refetch()}>Try again</Button>} />
      ) : !deals.data || !catalogues.data ? (
        <div role="status" aria-label="Loading the pipeline" className="flex gap-3 overflow-hidden">
          {[0, 1, 2].map((i) => <Skeleton key={i} className="h-64 w-72 shrink-0" />)}
        </div>
      ) : (
        <div role="region" aria-label="Pipeline board" tabIndex={0} className="-mx-4 flex snap-x snap-mandatory gap-3 overflow-x-auto px-4 pb-4 sm:mx-0 sm:snap-none sm:px-0">
          {stages.map((stage) => (
            <StageColumn key={stage.name} stage={stage} deals={rows.filter((r) => text(r.status) === stage.name)} over={drag?.over === stage.name && rows.find((r) => r.name === drag.name)?.status !== stage.name}>
              {(deal) => <DealCard key={text(deal.name)} deal={deal} organization={organizationName(deal.organization)} stages={stages} drag={drag} grip={gripProps(text(deal.name))} onMove={(s) => requestMove(text(deal.name), s)} />}
            </StageColumn>
          ))}
        </div>
      )}
      {asking ? <LostReasonDialog deal={asking.deal} stage={asking.stage} error={asking.error} busy={move.isPending} onSubmit={submitReason} onClose={() => setAsking(null)} /> : null}
    </>
  );
}

function StageColumn({ stage, deals, over, children }: { stage: Stage; deals: Row[]; over: boolean; children: (deal: Row) => React.ReactNode }) {
  const headingId = `stage-${stage.position}`;
  const currency = text(deals[0]?.currency) || "USD";
  const total = deals.reduce((sum, d) => sum + (typeof d.amount === "number" ? d.amount : 0), 0);
  return (
    <section aria-labelledby={headingId} data-stage-drop={stage.name} className={cx("flex w-[85vw] max-w-80 shrink-0 snap-start flex-col gap-2 rounded-lg border bg-surface-2 p-2 sm:w-72", over ? "border-accent ring-2 ring-accent" : "border-line")}>
      <header className="px-1 pt-1">
        <h2 className="flex items-baseline justify-between gap-2 text-sm font-semibold">
          <span id={headingId}>{stage.name}</span>
          <span className="text-xs font-normal text-muted">{stage.probability}%</span>
        </h2>
        <p className="text-xs text-muted">{deals.length} deal{deals.length === 1 ? "" : "s"}{total > 0 ? ` · ${formatMoney(total, currency)}` : ""}</p>
      </header>
      <div className="flex min-h-24 flex-col gap-2">
        {deals.length ? deals.map(children) : <p className="px-1 py-6 text-center text-xs text-muted">No deals</p>}
      </div>
    </section>
  );
}
