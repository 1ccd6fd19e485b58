"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses } from "~/components/ui/field";
import { ModalDialog } from "~/components/ui/modal-dialog";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

/** What `onPick` gets. */
export interface PickedReply {
  name: string;
  title: string;
  message: string;
}

/**
 * "Saved replies" for the agent's reply composer: a button opening a searchable list of the saved
 * replies for `team` (its own and the every-team ones; all of them without a team). Picking one
 * hands it to `onPick` (the composer inserts `message`) and closes; focus goes back to the button.
 * The list loads when first opened.
 */
export function SavedReplyPicker({ team, onPick, className, label = "Saved replies" }: { team?: string | null; onPick: (reply: PickedReply) => void; className?: string; label?: string }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    <>
      <button ref={trigger} type="button" className={buttonClasses("secondary", className)} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <ModalDialog title={team ? `Saved replies for ${team}` : "Saved replies"} onClose={close}>
          <ReplyList
            team={team ?? undefined}
            onPick={(reply) => {
              onPick(reply);
              close();
            }}
            onCancel={close}
          />
        </ModalDialog>
      ) : null}
    </>
  );
}

function ReplyList({ team, onPick, onCancel }: { team?: string; onPick: (reply: PickedReply) => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.kb.replies.queryOptions(team ? { team } : {}, { staleTime: 60_000 }));
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (query.data ?? []).filter((r) => words.every((w) => `${r.title} ${r.message}`.toLowerCase().includes(w)));
  }, [query.data, filter]);

  return (
    <div className="flex flex-col gap-3">
      <label htmlFor="saved-reply-filter" className="sr-only">Filter saved replies</label>
      <input id="saved-reply-filter" type="search" className={inputClasses} placeholder="Filter by title or text" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
      {query.isPending ? (
        <div aria-busy="true" aria-label="Loading saved replies" className="flex flex-col gap-2">
          <Skeleton className="h-12 w-full" />
          <Skeleton className="h-12 w-full" />
        </div>
      ) : query.error ? (
        <ErrorState title="Saved replies could not be loaded" action={<Button variant="primary" onClick={() => void query.refetch()}>Try again</Button>} />
      ) : shown.length === 0 ? (
        <p className="py-4 text-center text-sm text-muted">{query.data.length ? "No saved reply matches." : "No saved replies yet. Add them under Knowledge base › Saved replies."}</p>
      ) : (
        <ul className="-mx-1 flex max-h-[50vh] flex-col gap-1 overflow-y-auto px-1" aria-label="Saved replies">
          {shown.map((r) => (
            <li key={r.name}>
              <button type="button" onClick={() => onPick(r)} className={cx("flex min-h-11 w-full flex-col items-start rounded-md border border-line px-3 py-2 text-left hover:bg-surface-2")}>
                <span className="text-sm font-medium text-fg">{r.title}</span>
                <span className="line-clamp-2 text-xs text-muted">{r.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex justify-end">
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
