"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { PageHeader } from "~/components/ui/page-header";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { ConditionsEditor } from "../conditions-editor";
import { EditorFrame } from "../editor-frame";
import { CheckboxInput, CheckboxList, FieldGroup, TextInput } from "../form-fields";
import { errorsUnder } from "../server-errors";
import { EditorSkeleton, LoadFailed } from "../states";
import type { SettingsOptions, SlaDoc } from "../types";
import { useConfirmedDelete } from "../use-delete";
import { useSettingsEditor } from "../use-settings-editor";
import { useSettingsOptions, useSettingsOverview } from "../use-settings";
import { HolidaysEditor } from "./holidays-editor";
import { newSlaDraft, slaDraftFrom } from "./sla-model";
import { TargetsEditor } from "./targets-editor";
import { WorkingHoursEditor } from "./working-hours-editor";

const LIST = "/helpdesk/settings/sla";

/** Loads the SLA (when editing) and the choices, then shows the form. */
export function SlaEditor({ name }: { name?: string }) {
  const trpc = useTRPC();
  const sla = useQuery({ ...trpc.helpdeskSettings.sla.get.queryOptions({ name: name ?? "" }), enabled: name !== undefined });
  const options = useSettingsOptions();
  const overview = useSettingsOverview();
  const title = name ?? "New SLA policy";
  const header = <PageHeader title={title} description="When tickets must get a first response and be resolved, counted in business hours." />;
  if ((name !== undefined && sla.isPending) || options.isPending || overview.isPending) return <>{header}<EditorSkeleton label="Loading the SLA policy" /></>;
  const failed = (name !== undefined && sla.error) || options.error || overview.error;
  if (failed) return <>{header}<LoadFailed error={failed} what="SLA policy" backHref={LIST} retry={() => void Promise.all([sla.refetch(), options.refetch(), overview.refetch()])} /></>;
  return (
    <>
      {header}
      {/* Remounted per loaded version, so a reload starts from the saved document. */}
      <SlaForm key={sla.data?.modified ?? "new"} doc={sla.data} options={options.data} canEdit={overview.data.canEdit} />
    </>
  );
}

function SlaForm({ doc, options, canEdit }: { doc: SlaDoc | undefined; options: SettingsOptions; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const editor = useSettingsEditor(doc ? slaDraftFrom(doc, options) : newSlaDraft(options), doc?.modified);
  const { draft, errors, update } = editor;
  const isNew = editor.modified === undefined;
  const disabled = !canEdit;

  const refreshLists = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.sla.list.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskSettings.overview.queryKey() })]);
  const save = useMutation(
    trpc.helpdeskSettings.sla.save.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(`SLA policy ${saved.name} saved`);
        editor.reset(slaDraftFrom(saved, options), saved.modified);
        queryClient.setQueryData(trpc.helpdeskSettings.sla.get.queryKey({ name: saved.name }), saved);
        await refreshLists();
        if (isNew) router.replace(`${LIST}/${encodeURIComponent(saved.name)}`);
      },
      onError: editor.onError,
    }),
  );
  const latest = () => queryClient.fetchQuery({ ...trpc.helpdeskSettings.sla.get.queryOptions({ name: draft.name }), staleTime: 0 });
  const remove = useMutation(trpc.helpdeskSettings.sla.delete.mutationOptions());
  const deletion = useConfirmedDelete(() => remove.mutateAsync({ name: draft.name }), `SLA policy ${draft.name}`, LIST, refreshLists);

  const pauseChoices = options.statuses.filter((s) => s.category === "Open" || s.category === "Paused").map((s) => ({ name: s.name, label: s.name === s.category ? s.name : `${s.name} (${s.category})` }));
  const pauseError = Object.values(errorsUnder(errors, "pause_on")).join(" ") || undefined;

  return (
    <EditorFrame
      label={isNew ? "New SLA policy" : `SLA policy ${draft.name}`}
      failure={editor.failure}
      saving={save.isPending}
      canEdit={canEdit}
      backHref={LIST}
      onSubmit={() => save.mutate({ ...draft, modified: editor.modified })}
      onReload={() => void latest().then((fresh) => editor.reset(slaDraftFrom(fresh, options), fresh.modified))}
      onKeepMine={() => void latest().then((fresh) => editor.adoptModified(fresh.modified))}
      onDelete={isNew ? undefined : deletion.ask}
    >
      <FieldGroup legend="Policy">
        <div className="grid gap-4 sm:grid-cols-2">
          {isNew ? <TextInput label="Name" required maxLength={140} value={draft.name} disabled={disabled} error={errors.name} onChange={(e) => update({ name: e.target.value }, "name")} /> : null}
          <TextInput label="Description" value={draft.description ?? ""} disabled={disabled} error={errors.description} onChange={(e) => update({ description: e.target.value || null }, "description")} className={isNew ? "" : "sm:col-span-2"} />
          <CheckboxInput label="Enabled" checked={draft.enabled} disabled={disabled} error={errors.enabled} onChange={(enabled) => update({ enabled }, "enabled")} />
          <CheckboxInput label="Default policy" hint="Applies to tickets no other policy matches. Making this the default unsets the current one." checked={draft.is_default} disabled={disabled} error={errors.is_default} onChange={(is_default) => update({ is_default }, "is_default")} />
          <TextInput
            label="At risk from (% of target used)"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            className="sm:max-w-56"
            value={Number.isNaN(draft.at_risk_percent) ? "" : String(draft.at_risk_percent)}
            disabled={disabled}
            error={errors.at_risk_percent}
            onChange={(e) => update({ at_risk_percent: e.target.value === "" ? Number.NaN : Number(e.target.value) }, "at_risk_percent")}
          />
        </div>
      </FieldGroup>
      <WorkingHoursEditor calendar={draft.calendar} errors={errors} disabled={disabled} onChange={(calendar, ...paths) => update({ calendar }, ...paths)} />
      <HolidaysEditor calendar={draft.calendar} errors={errors} disabled={disabled} onChange={(calendar, ...paths) => update({ calendar }, ...paths)} />
      <TargetsEditor rows={draft.priorities} errors={errors} disabled={disabled} onChange={(priorities, ...paths) => update({ priorities }, ...paths)} />
      <ConditionsEditor
        conditions={draft.conditions}
        fields={["agent_group", "ticket_type", "priority", "customer"]}
        options={options}
        errors={errors}
        disabled={disabled}
        description="A ticket gets the first enabled policy whose conditions all match; otherwise the default."
        onChange={(conditions, ...paths) => update({ conditions }, ...paths)}
      />
      <FieldGroup legend="Pause the clock" description="While a ticket has one of these statuses its resolution clock stops. None chosen: every status of the Paused category." error={errors.pause_on}>
        <CheckboxList legend="Statuses" options={pauseChoices} selected={draft.pause_on} disabled={disabled} error={pauseError === errors.pause_on ? undefined : pauseError} onChange={(pause_on) => update({ pause_on }, "pause_on")} />
      </FieldGroup>
      {deletion.asking ? <ConfirmDialog title={`Delete SLA policy ${draft.name}?`} description="A policy that tickets use can't be deleted: disable it instead. This can't be undone." confirmLabel="Delete" busy={deletion.busy} onConfirm={() => void deletion.confirm()} onClose={deletion.cancel} /> : null}
    </EditorFrame>
  );
}
