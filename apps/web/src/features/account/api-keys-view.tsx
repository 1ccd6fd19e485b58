"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "~/components/ui/toast";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { toastError } from "~/features/admin/errors";

/** The signed-in user's API keys: create (the secret is shown once), list, revoke. */
export function ApiKeysView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.apiKeys.list.queryKey() });
  const [label, setLabel] = useState("");
  const [created, setCreated] = useState<{ apiKey: string; apiSecret: string } | null>(null);
  const create = useMutation(trpc.admin.apiKeys.create.mutationOptions({ onSuccess: (pair) => { setCreated(pair); setLabel(""); toast.success("API key created"); void refresh(); }, onError: toastError }));
  const revoke = useMutation(trpc.admin.apiKeys.revoke.mutationOptions({ onSuccess: () => { toast.success("API key revoked"); void refresh(); }, onError: toastError }));
  const submit = (e: FormEvent) => { e.preventDefault(); create.mutate({ label }); };

  return (
    <>
      <PageHeader title="API keys" description={<>Use as <code>Authorization: token &lt;key&gt;:&lt;secret&gt;</code>. Keys act as you, with your permissions.</>} />
      <form onSubmit={submit} className="mb-4 flex flex-col gap-2 rounded-lg border border-line bg-surface p-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="key-label" className={labelClasses}>Label</label>
          <input id="key-label" className={inputClasses} value={label} maxLength={140} placeholder="e.g. reporting script" onChange={(e) => setLabel(e.target.value)} />
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>Create API key</Button>
      </form>
      {created ? (
        <div role="status" className="mb-4 rounded-lg border border-accent bg-accent-soft p-3 text-sm">
          <p className="font-semibold">Copy the secret now: it is shown only once.</p>
          <p className="mt-1 break-all">Key: <code>{created.apiKey}</code></p>
          <p className="break-all">Secret: <code>{created.apiSecret}</code></p>
          <Button className="mt-2" onClick={() => setCreated(null)}>Done</Button>
        </div>
      ) : null}
      {list.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : list.isError ? (
        <ErrorState action={<Button onClick={() => void list.refetch()}>Try again</Button>} />
      ) : list.data.length === 0 ? (
        <EmptyState title="No API keys yet">Create one for a script or an integration.</EmptyState>
      ) : (
        <ul className="space-y-2">
          {list.data.map((k) => (
            <li key={k.apiKey} className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium break-all"><code>{k.apiKey}</code>{k.label ? ` · ${k.label}` : ""}</p>
                <p className="text-muted">Created {k.creation.slice(0, 16)} · last used {k.lastUsed?.slice(0, 16) ?? "never"}{k.revokedAt ? ` · revoked ${k.revokedAt.slice(0, 16)}` : ""}</p>
              </div>
              {k.revokedAt ? <span className="text-muted">Revoked</span> : <Button aria-label={`Revoke ${k.apiKey}`} disabled={revoke.isPending} onClick={() => revoke.mutate({ apiKey: k.apiKey })}>Revoke</Button>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
