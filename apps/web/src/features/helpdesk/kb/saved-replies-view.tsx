"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toast";
import { SearchBox } from "~/components/list/search-box";
import { can, useMe } from "~/lib/use-me";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { useTRPC } from "~/trpc/react";
import { KbTabs } from "./kb-tabs";
import { ReplyDialog, type SavedReply } from "./reply-dialog";
import { repliesInput } from "./replies-params";

/** /helpdesk/kb/replies: saved replies per team (URL-held team filter and search); add, edit, delete. */
export function SavedRepliesView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const input = repliesInput(new URLSearchParams(searchParams.toString()));
  const replies = useQuery({ ...trpc.kb.replies.queryOptions(input), placeholderData: keepPreviousData });
  const teams = useQuery(trpc.kb.teams.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [editing, setEditing] = useState<SavedReply | "new" | null>(null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const writer = can(me.data, "helpdesk", "write");

  const go = useCallback(
    (patch: { team?: string | undefined; q?: string | undefined }, replace = false) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const href = next.toString() ? `${pathname}?${next.toString()}` : pathname;
      if (replace) window.history.replaceState(null, "", href);
      else window.history.pushState(null, "", href);
    },
    [pathname, searchParams],
  );
  const commitSearch = useCallback((q: string | undefined, options: { replace: boolean }) => go({ q }, options.replace), [go]);

  const remove = useMutation(
    trpc.kb.deleteReply.mutationOptions({
      onSuccess: async () => {
        toast.success("Saved reply deleted");
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.kb.replies.queryKey() });
      },
      onError: () => toast.error("The saved reply could not be deleted"),
    }),
  );

  return (
    <>
      <KbTabs />
      <PageHeader title="Saved replies" description="Answers agents insert into replies, for one team or for all." actions={writer ? <Button variant="primary" onClick={() => setEditing("new")}>New saved reply</Button> : undefined} />
      <section aria-label="Search and filters" className="mb-4 grid gap-3 rounded-lg border border-line bg-surface p-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] sm:items-end sm:p-4">
        <SearchBox id="reply-search" label="Search saved replies" placeholder="Search by title" value={input.search ?? ""} onCommit={commitSearch} />
        <div>
          <label htmlFor="reply-team" className={labelClasses}>Team</label>
          <select id="reply-team" className={inputClasses} value={input.team ?? ""} onChange={(e) => go({ team: e.target.value || undefined })}>
            <option value="">All saved replies</option>
            {(teams.data ?? []).map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </div>
      </section>
      {replies.isPending ? (
        <div aria-busy="true" aria-label="Loading saved replies" className="flex flex-col gap-2">
          <Skeleton className="h-20 w-full" />
          <Skeleton className="h-20 w-full" />
        </div>
      ) : replies.error ? (
        <ErrorState title="Saved replies could not be loaded" action={<Button variant="primary" onClick={() => void replies.refetch()}>Try again</Button>} />
      ) : replies.data.length === 0 ? (
        <EmptyState title={input.team || input.search ? "No saved replies match" : "No saved replies yet"}>{input.team ? "Replies for every team are listed under each team too." : "Save answers you give often, then insert them into replies."}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2">
          {replies.data.map((r) => (
            <li key={r.name} className="rounded-lg border border-line bg-surface p-4">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <h2 className="font-medium text-fg">{r.title}</h2>
                  <p className="text-xs text-muted">{r.teams.length ? r.teams.join(", ") : "All teams"}</p>
                </div>
                {writer ? (
                  <div className="flex gap-2">
                    <Button onClick={() => setEditing(r)} aria-label={`Edit ${r.title}`}>Edit</Button>
                    <Button variant="ghost" onClick={() => setDeleting(r)} aria-label={`Delete ${r.title}`}>Delete</Button>
                  </div>
                ) : null}
              </div>
              <p className="mt-2 line-clamp-3 text-sm whitespace-pre-line text-muted">{r.message}</p>
            </li>
          ))}
        </ul>
      )}
      {editing ? <ReplyDialog reply={editing === "new" ? undefined : editing} teams={teams.data ?? []} onClose={() => setEditing(null)} /> : null}
      {deleting ? <ConfirmDialog title={`Delete “${deleting.title}”?`} description="Agents will no longer be able to insert it." confirmLabel="Delete" busy={remove.isPending} onConfirm={() => remove.mutate({ name: deleting.name })} onClose={() => setDeleting(null)} /> : null}
    </>
  );
}
