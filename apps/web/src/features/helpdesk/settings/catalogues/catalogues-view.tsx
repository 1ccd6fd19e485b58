"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PageHeader } from "~/components/ui/page-header";
import { useTRPC } from "~/trpc/react";
import { useSettingsOverview } from "../use-settings";
import { CatalogueSection, type CatalogueEntry } from "./catalogue-section";

const categories = ["Open", "Paused", "Resolved", "Closed"] as const;
type StatusCategory = (typeof categories)[number];
const asCategory = (v: string | undefined): StatusCategory => categories.find((c) => c === v) ?? "Open";
/** Numbers typed in a dialog; empty → 0, anything else the server checks. */
const num = (v: string | undefined): number => (v && v.trim() !== "" ? Math.round(Number(v)) : 0);

/** Ticket types, priorities and statuses: the lists tickets pick from. */
export function CataloguesView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useSettingsOverview().data?.canEdit === true;
  const s = trpc.helpdeskSettings;
  const types = useQuery(s.ticketTypes.list.queryOptions());
  const priorities = useQuery(s.priorities.list.queryOptions());
  const statuses = useQuery(s.statuses.list.queryOptions());
  // Every change also changes the editors' choices and the overview's counts.
  const refresh = (key: readonly unknown[]) => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: s.options.queryKey() }), queryClient.invalidateQueries({ queryKey: s.overview.queryKey() })]);
  const saveType = useMutation(s.ticketTypes.save.mutationOptions({ onSuccess: () => refresh(s.ticketTypes.list.queryKey()) }));
  const deleteType = useMutation(s.ticketTypes.delete.mutationOptions({ onSuccess: () => refresh(s.ticketTypes.list.queryKey()) }));
  const savePriority = useMutation(s.priorities.save.mutationOptions({ onSuccess: () => refresh(s.priorities.list.queryKey()) }));
  const deletePriority = useMutation(s.priorities.delete.mutationOptions({ onSuccess: () => refresh(s.priorities.list.queryKey()) }));
  const saveStatus = useMutation(s.statuses.save.mutationOptions({ onSuccess: () => refresh(s.statuses.list.queryKey()) }));
  const deleteStatus = useMutation(s.statuses.delete.mutationOptions({ onSuccess: () => refresh(s.statuses.list.queryKey()) }));

  const typeEntries: CatalogueEntry[] | undefined = types.data?.map((t) => ({ name: t.name, modified: t.modified, values: { description: t.description ?? "" }, detail: t.description ?? "No description" }));
  const priorityEntries: CatalogueEntry[] | undefined = priorities.data?.map((p) => ({ name: p.name, modified: p.modified, values: { rank: String(p.rank) }, detail: `Rank ${p.rank}` }));
  const statusEntries: CatalogueEntry[] | undefined = statuses.data?.map((st) => ({ name: st.name, modified: st.modified, values: { category: st.category, sort_order: String(st.sort_order) }, detail: `${st.category} · position ${st.sort_order}` }));

  return (
    <>
      <PageHeader title="Ticket types, priorities & statuses" description="Names can't be changed once created: tickets refer to them." />
      <div className="max-w-4xl space-y-5">
        <CatalogueSection
          title="Ticket types"
          singular="Ticket type"
          description="What a ticket is about; skill-based assignment matches type:<name> skills."
          entries={typeEntries}
          loading={types.isPending}
          failed={types.isError}
          retry={() => void types.refetch()}
          fields={[{ key: "description", label: "Description", kind: "text" }]}
          canEdit={canEdit}
          save={(name, v, modified) => saveType.mutateAsync({ name, modified, description: v.description || null })}
          remove={(name) => deleteType.mutateAsync({ name })}
        />
        <CatalogueSection
          title="Priorities"
          singular="Priority"
          description="Every SLA policy needs targets for each priority. “Raise the priority” moves to the next higher rank."
          entries={priorityEntries}
          loading={priorities.isPending}
          failed={priorities.isError}
          retry={() => void priorities.refetch()}
          fields={[{ key: "rank", label: "Rank", kind: "number", hint: "Higher is more urgent." }]}
          canEdit={canEdit}
          save={(name, v, modified) => savePriority.mutateAsync({ name, modified, rank: num(v.rank) })}
          remove={(name) => deletePriority.mutateAsync({ name })}
        />
        <CatalogueSection
          title="Statuses"
          singular="Status"
          description="The category drives the SLA: Paused statuses can stop the clock, Resolved and Closed stop it."
          entries={statusEntries}
          loading={statuses.isPending}
          failed={statuses.isError}
          retry={() => void statuses.refetch()}
          fields={[
            { key: "category", label: "Category", kind: "select", options: categories },
            { key: "sort_order", label: "Position in lists", kind: "number" },
          ]}
          canEdit={canEdit}
          save={(name, v, modified) => saveStatus.mutateAsync({ name, modified, category: asCategory(v.category), sort_order: num(v.sort_order) })}
          remove={(name) => deleteStatus.mutateAsync({ name })}
        />
      </div>
    </>
  );
}
