"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { ConditionsEditor } from "../conditions-editor";
import { EditorFrame } from "../editor-frame";
import { CheckboxInput, FieldGroup, TextInput } from "../form-fields";
import { EditorSkeleton, LoadFailed } from "../states";
import type { EscalationDoc, SettingsOptions } from "../types";
import { useConfirmedDelete } from "../use-delete";
import { useSettingsEditor } from "../use-settings-editor";
import { useSettingsOptions, useSettingsOverview } from "../use-settings";
import { escalationFormFrom, escalationInput, moveLevel, newEscalationForm, newLevel, type LevelDraft } from "./escalation-model";
import { LevelEditor } from "./level-editor";

const LIST = "/helpdesk/settings/escalation";

export function EscalationEditor({ name }: { name?: string }) {
  const trpc = useTRPC();
  const rule = useQuery({ ...trpc.helpdeskSettings.escalation.get.queryOptions({ name: name ?? "" }), enabled: name !== undefined });
  const options = useSettingsOptions();
  const overview = useSettingsOverview();
  const header = <PageHeader title={name ?? "New escalation rule"} description="What happens as a ticket's first-response or resolution target gets close or is breached." />;
  if ((name !== undefined && rule.isPending) || options.isPending || overview.isPending) return <>{header}<EditorSkeleton label="Loading the escalation rule" /></>;
  const failed = (name !== undefined && rule.error) || options.error || overview.error;
  if (failed) return <>{header}<LoadFailed error={failed} what="Escalation rule" backHref={LIST} retry={() => void Promise.all([rule.refetch(), options.refetch(), overview.refetch()])} /></>;
  return (
    <>
      {header}
      <EscalationForm key={rule.data?.modified ?? "new"} doc={rule.data} options={options.data} canEdit={overview.data.canEdit} />
    </>
  );
}

function EscalationForm({ doc, options, canEdit }: { doc: EscalationDoc | undefined; options: SettingsOptions; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const editor = useSettingsEditor(doc ? escalationFormFrom(doc) : newEscalationForm(), doc?.modified);
  const { draft, errors, update } = editor;
  const isNew = editor.modified === undefined;
  const disabled = !canEdit;

  const refreshLists = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.escalation.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.overview.queryKey() })]);
  const save = useMutation(
    trpc.helpdeskSettings.escalation.save.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(`Escalation rule ${saved.name} saved`);
        editor.reset(escalationFormFrom(saved), saved.modified);
        queryClient.setQueryData(trpc.helpdeskSettings.escalation.get.queryKey({ name: saved.name }), saved);
        await refreshLists();
        if (isNew) router.replace(`${LIST}/${encodeURIComponent(saved.name)}`);
      },
      onError: editor.onError,
    }),
  );
  const latest = () => queryClient.fetchQuery({ ...trpc.helpdeskSettings.escalation.get.queryOptions({ name: draft.name }), staleTime: 0 });
  const remove = useMutation(trpc.helpdeskSettings.escalation.delete.mutationOptions());
  const deletion = useConfirmedDelete(() => remove.mutateAsync({ name: draft.name }), `Escalation rule ${draft.name}`, LIST, refreshLists);
  // Any change to the list's shape moves indices: every level error is dropped with it.
  const setLevels = (levels: LevelDraft[], ...paths: string[]) => update({ levels }, "levels", ...paths);

  return (
    <EditorFrame
      label={isNew ? "New escalation rule" : `Escalation rule ${draft.name}`}
      failure={editor.failure}
      saving={save.isPending}
      canEdit={canEdit}
      backHref={LIST}
      onSubmit={() => save.mutate({ ...escalationInput(draft), modified: editor.modified })}
      onReload={() => void latest().then((fresh) => editor.reset(escalationFormFrom(fresh), fresh.modified))}
      onKeepMine={() => void latest().then((fresh) => editor.adoptModified(fresh.modified))}
      onDelete={isNew ? undefined : deletion.ask}
    >
      <FieldGroup legend="Rule">
        <div className="grid gap-4 sm:grid-cols-2">
          {isNew ? <TextInput label="Name" required maxLength={140} value={draft.name} disabled={disabled} error={errors.name} onChange={(e) => update({ name: e.target.value }, "name")} /> : null}
          <TextInput label="Description" value={draft.description ?? ""} disabled={disabled} error={errors.description} className={isNew ? "" : "sm:col-span-2"} onChange={(e) => update({ description: e.target.value || null }, "description")} />
          <CheckboxInput label="Enabled" checked={draft.enabled} disabled={disabled} error={errors.enabled} onChange={(enabled) => update({ enabled }, "enabled")} />
        </div>
      </FieldGroup>
      <ConditionsEditor conditions={draft.conditions} fields={["agent_group", "ticket_type", "priority"]} options={options} errors={errors} disabled={disabled} description="Tickets this rule watches: all conditions must match." onChange={(conditions, ...paths) => update({ conditions }, ...paths)} />
      <FieldGroup legend="Levels" description="Levels of one clock fire in order, each later than the one before; a breach comes last." error={errors.levels}>
        <ol className="space-y-4">
          {draft.levels.map((level, i) => (
            <LevelEditor
              key={level.key}
              level={level}
              index={i}
              count={draft.levels.length}
              at={`levels[${i}]`}
              errors={errors}
              options={options}
              disabled={disabled}
              onChange={(patch, ...paths) => update({ levels: draft.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) }, ...paths)}
              onMove={(to) => setLevels(moveLevel(draft.levels, i, to))}
              onRemove={() => setLevels(draft.levels.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
        <Button className="mt-3" disabled={disabled} onClick={() => setLevels([...draft.levels, newLevel(draft.levels[draft.levels.length - 1])])}>
          + Add level
        </Button>
      </FieldGroup>
      {deletion.asking ? <ConfirmDialog title={`Delete escalation rule ${draft.name}?`} description="Tickets stop being escalated by it. This can't be undone." confirmLabel="Delete" busy={deletion.busy} onConfirm={() => void deletion.confirm()} onClose={deletion.cancel} /> : null}
    </EditorFrame>
  );
}
